/*
Package notify sends tuys's SMS: templates in kk/ru/en, the outbox
dispatcher, the Twilio and log senders, and inbound SMS commands.

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
*/
package notify
