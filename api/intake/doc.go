// Package intake is the one place a report is validated and filed: the JSON
// API, the web forms, the volunteer console and SMS all come through Filer,
// so a rule (a limit, a required field, how a name is parsed) is written
// once. Field errors are catalog keys; the api renders them in the user's
// language.
package intake
