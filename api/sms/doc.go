// Package sms serves Twilio's webhooks: delivery status and inbound SMS.
// It owns the one per-phone limit on inbound SMS (TUYS_RATE_SMS_IN) and
// files SAFE/FIND texts through the api's intake; every other command
// (YES/NO, STOP/START, help) goes to notify.Inbound. Signatures are checked
// by notify before anything else.
package sms
