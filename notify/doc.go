/*
Package notify sends tuys's SMS: templates in kk/ru/en, the outbox
dispatcher, the Twilio and log senders, and inbound SMS commands.

Wiring (main.go and api/):

	cfg, err := notify.ConfigFromEnv(nil)       // TUYS_TWILIO_*, TUYS_PUBLIC_URL, TUYS_SMS_*, TUYS_HOTLINE
	sms, err := notify.New(cfg, store, logger)  // Twilio when credentials are set, else the log sender
	go sms.Run(ctx)                             // the outbox dispatcher
	search.Options{Composer: sms.MatchComposer()} // the match must carry its ID (data.NewID()) before composing
	apiServer.SetConfirmHook(sms.Composer.ForMatch(store))
	sms.SetIntake(filer, finder)                // SAFE/FIND by SMS: notify.ReportFiler, notify.Finder
	r.POST("/webhooks/twilio/status", gin.WrapH(sms.StatusHandler(store)))
	r.POST("/webhooks/twilio/sms", gin.WrapH(sms.InboundHandler()))

Intake can call sms.CheckNumber(phone) to tell the person filing at once why
no SMS will reach that number. The volunteer view lists
store.MessagesForMatch(id) with notify.Describe(m) per message.
*/
package notify
