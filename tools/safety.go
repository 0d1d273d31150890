package tools

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/voicedock/voicedock-mcp/audit"
	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/internal/seal"
	"github.com/voicedock/voicedock-mcp/policy"
)

// ConfirmMode is the operator's choice of which tool calls a person must
// confirm in the client before anything is sent. The model cannot change
// it: it comes from the server's environment (HMS_SOVEREIGN_CONFIRM).
type ConfirmMode int

const (
	// ConfirmAlways asks before every destructive and real-world call.
	ConfirmAlways ConfirmMode = iota
	// ConfirmDestructiveOnly asks before deletes and detaches only;
	// real-world calls are limited by the call policy alone.
	ConfirmDestructiveOnly
	// ConfirmNever asks before nothing.
	ConfirmNever
)

var confirmModeNames = []string{"always", "destructive-only", "never"}

func (m ConfirmMode) String() string { return confirmModeNames[m] }

// ParseConfirmMode reads a mode by its name; "" is ConfirmAlways.
func ParseConfirmMode(s string) (ConfirmMode, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ConfirmAlways, nil
	}
	for i, name := range confirmModeNames {
		if s == name {
			return ConfirmMode(i), nil
		}
	}
	return 0, fmt.Errorf("%q is not a confirmation mode; use %s", s, strings.Join(confirmModeNames, ", "))
}

// UnmarshalText reads a mode by its name, for configuration.
func (m *ConfirmMode) UnmarshalText(text []byte) error {
	mode, err := ParseConfirmMode(string(text))
	if err != nil {
		return err
	}
	*m = mode
	return nil
}

// asks reports whether a call of effect e needs a person's confirmation.
func (m ConfirmMode) asks(e Effect) bool {
	switch m {
	case ConfirmAlways:
		return e >= Destructive
	case ConfirmDestructiveOnly:
		return e == Destructive
	}
	return false
}

// Safety is what the operator decides about tool calls that change
// things. The zero value asks a person before every destructive and
// real-world call.
type Safety struct {
	Confirm ConfirmMode
	// Policy is the operator's call policy; nil means policy.Load of an
	// empty environment: the defaults and the built-in blocks.
	Policy *policy.Policy
	// Audit records every call that changes something; nil records
	// nothing.
	Audit *audit.Log
	// LookupEnv reads the server's environment variables, for keys the
	// operator keeps there (set_byok_key's api_key_env); nil reads none.
	LookupEnv func(name string) (string, bool)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// guard is one server's safety state, shared by all its sessions: the
// operator's choices, the key that seals confirmation state, and the
// confirmations already used.
type guard struct {
	Safety
	// dryRun is the client's (client.Options.DryRun): nothing that changes
	// anything is sent, so nobody is asked and nothing is counted.
	dryRun bool
	sealer *seal.Sealer
	used   *usedSet
	ledger *policy.Ledger // the calls this server placed
	// counting serializes the calls that count what the platform will
	// dial (op.counts) with their request, so that a lead added while a
	// campaign starts is counted by one of them.
	counting sync.Mutex
}

func newGuard(c *client.Client, s Safety) *guard {
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.LookupEnv == nil {
		s.LookupEnv = func(string) (string, bool) { return "", false }
	}
	if s.Policy == nil {
		defaults, err := policy.Load(nil)
		if err != nil {
			panic("the default call policy does not load: " + err.Error()) // a bug
		}
		s.Policy = defaults
	}
	sealer, err := seal.New(s.Now)
	if err != nil {
		panic(err) // crypto/rand failed: nothing can be confirmed safely
	}
	return &guard{Safety: s, dryRun: c != nil && c.DryRun(), sealer: sealer, used: &usedSet{ids: map[string]time.Time{}},
		ledger: policy.NewLedger(s.Policy, s.Now)}
}

// usedSet remembers the confirmations that have been acted on until they
// expire, so that one confirmation never acts twice.
type usedSet struct {
	mu  sync.Mutex
	ids map[string]time.Time // confirmation ID → when it expires
}

// spend marks id used and reports whether it was still unused.
func (u *usedSet) spend(id string, expires, now time.Time) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	for old, until := range u.ids {
		if now.After(until) {
			delete(u.ids, old)
		}
	}
	if _, done := u.ids[id]; done {
		return false
	}
	u.ids[id] = expires
	return true
}

// liveStatuses are the statuses of a call that has not ended.
var liveStatuses = []string{"queued", "dialing", "ringing", "connecting", "in-progress"}

// stillLive asks the API whether a call this server placed is still
// going, for the policy's maximum of concurrent calls.
func (g *guard) stillLive(c *client.Client) func(ctx context.Context, callID string) (bool, error) {
	return func(ctx context.Context, callID string) (bool, error) {
		call, err := fetch(ctx, c, "/calls/{id}", map[string]string{"id": callID})
		if errors.Is(err, client.ErrNotFound) {
			return false, nil
		}
		if err != nil {
			return true, err
		}
		return slices.Contains(liveStatuses, text(call, "status")), nil
	}
}
