// Package seal protects small pieces of state that travel through an
// untrusted party and come back: they cannot be read, changed or forged
// without the key, and they expire.
//
// The confirmation flow uses it for the request state a client echoes
// back between the rounds of a tool call (MCP multi round-trip requests).
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// Errors of Open. Both mean the state must not be acted on.
var (
	// ErrForged means the token was not sealed by this Sealer: changed,
	// truncated, made up, or sealed by another process.
	ErrForged = errors.New("the state was not issued by this server or was changed")
	// ErrExpired means the token was genuine but is past its lifetime.
	ErrExpired = errors.New("the state has expired")
)

// purpose binds tokens to their use, so a token sealed for something else
// with the same key is not accepted here.
const purpose = "voicedock-mcp/confirmation/v1"

// Sealer seals and opens tokens with a key of its own, made at random
// when it is created: tokens do not survive a restart, by design.
type Sealer struct {
	aead cipher.AEAD
	now  func() time.Time
}

// New returns a Sealer with a fresh random key. now is the clock; nil
// means time.Now.
func New(now func() time.Time) (*Sealer, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("seal: make a key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	if now == nil {
		now = time.Now
	}
	return &Sealer{aead: aead, now: now}, nil
}

// Seal encrypts and authenticates payload, valid for ttl from now. The
// token is URL-safe text.
func (s *Sealer) Seal(payload []byte, ttl time.Duration) string {
	nonce := make([]byte, s.aead.NonceSize())
	_, _ = rand.Read(nonce) // crypto/rand.Read never fails (Go 1.24+)
	plain := binary.BigEndian.AppendUint64(nil, uint64(s.now().Add(ttl).UnixNano()))
	plain = append(plain, payload...)
	sealed := s.aead.Seal(nonce, nonce, plain, []byte(purpose))
	return base64.RawURLEncoding.EncodeToString(sealed)
}

// Open returns the payload of a token that Seal made and that has not
// expired; otherwise ErrForged or ErrExpired.
func (s *Sealer) Open(token string) ([]byte, error) {
	sealed, err := base64.RawURLEncoding.DecodeString(token)
	n := s.aead.NonceSize()
	if err != nil || len(sealed) < n+s.aead.Overhead()+8 {
		return nil, ErrForged
	}
	plain, err := s.aead.Open(nil, sealed[:n], sealed[n:], []byte(purpose))
	if err != nil {
		return nil, ErrForged
	}
	expires := time.Unix(0, int64(binary.BigEndian.Uint64(plain[:8])))
	if !s.now().Before(expires) {
		return nil, ErrExpired
	}
	return plain[8:], nil
}
