#!/usr/bin/env bash
# Texts a running tuys as Twilio would: a signed POST to its inbound SMS
# webhook, for trying SMS on your own machine and for training volunteers.
#   TUYS_TWILIO_AUTH_TOKEN=localtest TUYS_SMS_GATEWAY=log make run      # in one terminal
#   TUYS_TWILIO_AUTH_TOKEN=localtest scripts/sms-local.sh +77025554433 'ДА 103'
# The reply is printed; the SMS tuys sends to others are in serve's log.
# TUYS_PUBLIC_URL (default http://localhost:8080) must be serve's.
set -euo pipefail
if [ $# -ne 2 ] || [ -z "${TUYS_TWILIO_AUTH_TOKEN:-}" ]; then
	sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
fi
from=$1 body=$2
url="${TUYS_PUBLIC_URL:-http://localhost:8080}/webhooks/twilio/sms"
sid="SM$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" # each SMS its own MessageSid: a repeated one is ignored
# Twilio signs the URL followed by every field's name and value, by name.
sig=$(printf '%s' "${url}Body${body}From${from}MessageSid${sid}" |
	openssl dgst -sha1 -hmac "$TUYS_TWILIO_AUTH_TOKEN" -binary | base64)
curl -sS --fail-with-body -X POST "$url" -H "X-Twilio-Signature: $sig" \
	--data-urlencode "Body=$body" --data-urlencode "From=$from" --data-urlencode "MessageSid=$sid" |
	sed -e 's/.*<Message>//' -e 's/<\/Message>.*//' -e 's/<?xml.*<Response\/>/(no reply)/'
echo
