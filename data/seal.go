package data

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Sealer encrypts contact fields at rest (AES-256-GCM) and derives a keyed
// hash for equality lookups (STOP list, same phone), so a stolen database file
// holds no plaintext phone number and no unkeyed hash that a dictionary of
// phone numbers could reverse.
type Sealer struct {
	aead   cipher.AEAD
	macKey []byte
}

// NewSealer derives an encryption key and a MAC key from a 32-byte secret.
func NewSealer(secret []byte) (*Sealer, error) {
	if len(secret) < 32 {
		return nil, errors.New("secret key: need at least 32 bytes")
	}
	block, err := aes.NewCipher(derive(secret, "tuys/enc/v1"))
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	return &Sealer{aead: aead, macKey: derive(secret, "tuys/mac/v1")}, nil
}

func derive(secret []byte, label string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(label))
	return m.Sum(nil)
}

// sealedPrefix starts every value Seal makes (format version 1).
const sealedPrefix = "v1:"

// Seal encrypts s; the empty string stays empty so "no phone" needs no key.
func (s *Sealer) Seal(plain string) string {
	if plain == "" {
		return ""
	}
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		panic(fmt.Sprintf("seal: random source failed: %v", err))
	}
	ct := s.aead.Seal(nonce, nonce, []byte(plain), nil)
	return sealedPrefix + base64.RawStdEncoding.EncodeToString(ct)
}

// Open decrypts a value made by Seal.
func (s *Sealer) Open(sealed string) (string, error) {
	if sealed == "" {
		return "", nil
	}
	if !strings.HasPrefix(sealed, sealedPrefix) {
		return "", errors.New("open sealed value: unknown format")
	}
	raw, err := base64.RawStdEncoding.DecodeString(sealed[len(sealedPrefix):])
	if err != nil || len(raw) < s.aead.NonceSize() {
		return "", errors.New("open sealed value: corrupt")
	}
	n := s.aead.NonceSize()
	plain, err := s.aead.Open(nil, raw[:n], raw[n:], nil)
	if err != nil {
		return "", fmt.Errorf("open sealed value (wrong TUYS_SECRET_KEY?): %w", err)
	}
	return string(plain), nil
}

// Hash is the keyed hash used to look a phone number up without decrypting.
func (s *Sealer) Hash(plain string) string {
	if plain == "" {
		return ""
	}
	m := hmac.New(sha256.New, s.macKey)
	m.Write([]byte(plain))
	return hex.EncodeToString(m.Sum(nil))
}
