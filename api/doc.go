/*
Package api serves tuys over HTTP, to four audiences: partners and scripts
(the JSON API, api/openapi.yaml), the public (pages in kk, ru and en that
work without JavaScript), volunteers (the console under /v/) and Twilio
(signed webhooks).

Where things are:

  - routes.go      the one route table: every route is registered there
  - server.go      api.New(cfg, Deps): everything a handler uses is given at
    construction (store, engine, SMS service, the confirm and subscribe
    hooks); nothing is wired later, and nothing below api calls back up
  - intake/        the one place a report is validated and filed (API, forms,
    console and SMS all call intake.Filer)
  - sms/           Twilio's webhooks, the one per-phone inbound limit, SAFE/FIND
    texts filed through intake; YES/NO/STOP go to notify.Inbound
  - reports.go, notes.go, search.go, tokens.go   the JSON API
  - page_*.go, forms_*.go                        public pages and their forms
  - console_*.go                                 the volunteer console
  - security*.go, ratelimit.go, web_csrf.go      guards: limits, headers, CSRF
  - errors.go, i18n*.go                          the numbered error table and
    the catalogs (one language list: data.Languages)
  - reqlog.go, compress.go                       request id and log line, gzip
  - openapi.go, openapi.yaml                     the contract, served and
    checked against the routes and answers by openapi_test.go
  - metrics/       what /metrics exports (store figures at scrape time,
    request and match durations); it imports data only

Rules live once: result limits in search.go, the phone pattern in
data.HideContacts, explanations in search.Lines, note statuses in
data.NoteStatuses.
*/
package api
