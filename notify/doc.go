/*
Package notify sends tuys's SMS: templates in kk/ru/en, the outbox
dispatcher, the Twilio, modem (gammu-smsd) and log senders, failover
between Twilio and the modem, and inbound SMS commands.

Wiring (main.go and api/):

	cfg, err := notify.ConfigFromEnv(nil)       // TUYS_TWILIO_*, TUYS_PUBLIC_URL, TUYS_SMS_*, TUYS_HOTLINE
	sms, err := notify.New(cfg, store, logger)  // Twilio when credentials are set, else the log sender
	go sms.Run(ctx)                             // the outbox dispatcher
	search.Options{Composer: sms.MatchComposer()} // the match must carry its ID (data.NewID()) before composing
	api.Deps{SMS: sms, Confirm: sms.Composer.ForMatch(store), …} // the api's constructor

The api mounts the webhooks (api/sms): InboundWebhook runs each delivery
once (MessageSid and Body recorded by the store), the api checks the
per-phone limit, files SAFE/FIND texts through its intake (replying with
Composer.FiledReply) and hands every other command to Inbound.Handle.
Nothing in notify calls back into the api.

Budgets: the per-recipient daily cap is applied by the store where a send
is claimed (MarkSending, atomically); subscription SMS (data.LowPriority)
are claimed after match and consent SMS and take from the hourly budget
only while more than half of it is left. Message keys name numbers by the
store's keyed PhoneTag, never the number or an unkeyed hash.

Intake can call sms.CheckNumber(phone) to tell the person filing at once why
no SMS will reach that number. The volunteer view lists
store.MessagesForMatch(id).

# Exactly once

Twilio's Messages API has no idempotency key. The dispatcher records each
attempt before the request leaves; when the outcome is unknown (timeout,
5xx, crash mid-call) it asks Twilio before sending again (Twilio.Find): by
SID when one is known, else the messages to the number sent since the day
before the attempt, then every message to the number, matched on body
(letters and digits, so Smart Encoding and appended opt-out text do not
hide it) and date_created no earlier than a minute before the attempt. The
message found is recorded in the state Twilio reports, with error_code and
error_message, and never sent again.

This rests on these facts of the 2010-04-01 API (twilio/twilio-oai
spec/json/twilio_api_v2010.json and twilio.com/docs/messaging/api/message-resource),
each played by notify/twiliotest and tested:

  - A message is in the list from its creation, whatever its status, and
    the To parameter filters on it (ListMessage): TestReconcileAfterTimeout.
  - date_created is set at creation; date_sent stays null until Twilio
    hands the message to a carrier (queued, accepted, scheduled, and failed
    or canceled before leaving have none), and DateSent, DateSent<,
    DateSent> compare GMT days of date_sent (ListMessage parameters):
    TestListFiltersOnDateSentByDay, TestReconcileAfterTimeout.
  - Lists page with PageSize (at most 1000) and next_page_uri
    (ListMessageResponse): TestListPages.
  - GET …/Messages/{Sid}.json returns the message, 404 (20404) when there
    is none (FetchMessage): TestTwilioTimeoutThenFind.
  - error_code and error_message are fields of the message
    (api.v2010.account.message): the failed and undelivered cases.
  - A Messaging Service answers status accepted (scheduled when
    scheduled), from null and num_segments "0" until it picks a sender
    (message resource num_segments; docs "Outbound Message Status in Status
    Callbacks"): the accepted and scheduled cases.
  - Test credentials may only POST …/Messages; any other request is 403
    (code 20008) and no status callback is sent (twilio.com/docs/iam/test-credentials):
    the test-credentials cases, TestReconcileTestCredentialsKnownAtStart.
  - MessageStatus takes the 13 values of message_enum_status:
    TestEveryTwilioStatusIsMapped.

It does not rest on: the order of the list, nor where messages without
date_sent appear in it (the fake puts them last); a DateSent filter finding
a message not sent yet; the time of day in DateSent (only the day counts);
status callbacks arriving, once or in order.

Limits: with test credentials nothing can be looked up, so a message whose
outcome is unknown is recorded failed (at most once), and Run says so at
start. A number with more than 5000 messages from the account cannot be
checked: the lookup fails and is retried rather than guessed. Two purposes
with the same body to the same number within a minute would be taken for
one (bodies name people, so they differ).

# The modem: gammu-smsd

When the internet is cut, a SIM card in a USB modem still sends and
receives. Gammu's SMS daemon drives it; tuys talks to the daemon through
its files service (gammu.go): a message is a file tuys writes into tmp/
and renames into outbox/ (whole or not at all), named
OUT<priority><date>_<time>_00_<number>_<random>.txtd. The daemon sends in
name order (A: match and consent SMS, B: replies, C: the rest), moves the
file to sent/ or error/ and, with DeliveryReport = sms, stores the
network's delivery report in inbox/ as a message whose text is Delivered,
Failed, Pending or Unknown (Gammu's words for TP-Status). The file name is
the message's id (SID) in every folder, so Find settles an unknown outcome
by looking in outbox/, sent/ and error/ (by body and time when no id was
saved), and the same states apply: queued at the daemon is sent, error/ is
failed, Delivered is delivered, Failed is undelivered.

Received SMS (GammuInbox, gammu_inbox.go) go to the api's handler — the
same per-phone limit and SAFE/FIND/YES/STOP — and the reply is queued in
the outbox under "gammu-in:" and the daemon's message id; a message whose
reply row exists is not handled again, so a crash between the two repeats
nothing. The window left: a crash after the handler filed a SAFE/FIND and
before the reply row commits files that report again.

Files or SQL, measured: 30 messages through the dummy phone took 29.3 s
with the files service and 30.4 s with the native PostgreSQL service
(gammu-smsd 1.42, LoopSleep 1): the daemon's loop is the limit, and a
modem's 6–10 SMS a minute far below both. So the choice rests on the rest:
a tuys on a laptop runs SQLite, which Debian's gammu-smsd cannot use (no
SQLite service; DBI needs another driver), while files need no database;
a file appears in outbox/ atomically; the SQL service ties tuys to
Gammu's schema version. What SQL does better — pairing a delivery report
with its message by reference — files do by recipient and time (the
newest message to that number within ten minutes).

Pacing (gammu_pace.go): the dispatcher asks a PacedSender before it
records an attempt; the modem's Pacer spaces sends to TUYS_GAMMU_RATE a
minute, keeps at most two waiting in the daemon's outbox (so order and
channel are still decided in tuys), and gives turns by priority, then by
first try. A deferred message says in its error text how long it should
wait ("waiting for the modem: about 40s (4 SMS ahead, 6 a minute)"), which
the volunteer view shows.

Failover (failover.go): with Twilio and TUYS_GAMMU_SPOOL both set, SMS go
through Twilio until TUYS_SMS_FAILOVER_AFTER consecutive network failures
or timeouts, then through the modem; every 30 s a one-item lookup asks
whether Twilio answers, and the first answer moves sending back. Nothing
is remembered but the channel: the outbox key and reconcile stay the only
path to a send. A message whose Twilio attempt timed out may exist at
Twilio, so it waits until Twilio answers the lookup; it is never guessed
onto the modem. A connection that never opened, or a file that never
reached the outbox, is CodeNotSent: provably not sent, so it goes through
whichever channel is up without a lookup. Replies to SMS the modem received
go back through the modem (the number the family wrote to).
*/
package notify
