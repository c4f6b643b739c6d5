// Package e2e drives the real tuys binary from headless Chromium: the public
// forms in Russian and Kazakh, the volunteer console, and the SMS that reach
// a fake Twilio. The tests live in e2e_test.go; run them with go test ./e2e/.
package e2e
