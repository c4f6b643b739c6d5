/*
Package notify sends tuys's SMS: templates in kk/ru/en, the outbox
dispatcher, the Twilio and log senders, and inbound SMS commands.

Wiring (main.go and api/):

	cfg, err := notify.ConfigFromEnv(nil)       // TUYS_TWILIO_*, TUYS_PUBLIC_URL, TUYS_SMS_*, TUYS_HOTLINE
	sms, err := notify.New(cfg, store, logger)  // Twilio when credentials are set, else the log sender
	go sms.Run(ctx)                             // the outbox dispatcher
	search.Options{Composer: sms.MatchComposer()} // the match must carry its ID (data.NewID()) before composing
	api.Deps{SMS: sms, Confirm: sms.Composer.ForMatch(store), …} // the api's constructor

The api mounts the webhooks (api/sms): it checks the per-phone limit, files
SAFE/FIND texts through its intake (replying with Composer.FiledReply) and
hands every other command to Inbound.Handle. Nothing in notify calls back
into the api.

Intake can call sms.CheckNumber(phone) to tell the person filing at once why
no SMS will reach that number. The volunteer view lists
store.MessagesForMatch(id).
*/
package notify
