package policy

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noon is where most ledger tests start their clock.
const noon = "2026-01-15T12:00:00Z"

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newTestLedger returns a ledger for the policy env describes, on a clock
// that starts at start.
func newTestLedger(t *testing.T, env map[string]string, start string) (*Ledger, *fakeClock) {
	t.Helper()
	clock := &fakeClock{t: mustTime(t, start)}
	return NewLedger(mustLoad(t, env), clock.now), clock
}

// allLive is a stillLive that finds every call live.
func allLive(context.Context, string) (bool, error) { return true, nil }

// reserve reserves a slot for a call to +31612345678 or fails the test.
func reserve(t *testing.T, l *Ledger) *Ticket {
	t.Helper()
	tk, err := l.Reserve(t.Context(), "+31612345678", allLive)
	require.NoError(t, err)
	return tk
}

// refusedBy asserts that Reserve refuses with rule and returns the refusal.
func refusedBy(t *testing.T, l *Ledger, rule string) *Refusal {
	t.Helper()
	tk, err := l.Reserve(t.Context(), "+31612345678", allLive)
	assert.Nil(t, tk)
	r := refusal(t, err)
	assert.Equal(t, rule, r.Rule)
	return r
}

func TestLedgerDailyMaxAcrossDayBoundary(t *testing.T) {
	// 22:30 UTC is 23:30 in Amsterdam: the day there ends half an hour later.
	l, clock := newTestLedger(t, map[string]string{EnvDailyMax: "2", EnvTimezone: "Europe/Amsterdam"},
		"2026-01-15T22:30:00Z")
	reserve(t, l).Placed("call-1")
	reserve(t, l).Placed("call-2")

	r := refusedBy(t, l, RuleDailyMax)
	assert.Equal(t, "this server has placed or is placing 2 calls today, the daily maximum", r.Reason)
	assert.Equal(t, "Try again after midnight Europe/Amsterdam (2026-01-16T00:00:00+01:00). Only the "+
		"operator can raise the maximum, with HMS_SOVEREIGN_MAX_CALLS_PER_DAY; the model cannot.", r.Fix)

	clock.add(29 * time.Minute) // 23:59 in Amsterdam
	refusedBy(t, l, RuleDailyMax)

	clock.add(time.Minute) // midnight in Amsterdam, still the 15th in UTC
	reserve(t, l).Placed("call-3")
	refusedBy(t, l, RuleConcurrent)
}

func TestLedgerDailyMaxAcrossDaylightSavingTime(t *testing.T) {
	// The night the clocks go forward in Amsterdam has 23 hours.
	l, clock := newTestLedger(t, map[string]string{EnvDailyMax: "1", EnvTimezone: "Europe/Amsterdam"},
		"2026-03-28T12:00:00Z")
	reserve(t, l).Placed("call-1")

	clock.add(10*time.Hour + 59*time.Minute) // 23:59 CET
	refusedBy(t, l, RuleDailyMax)

	clock.add(time.Minute) // 00:00 CET on the 29th
	reserve(t, l).Placed("call-2")

	clock.add(22*time.Hour + 59*time.Minute) // 23:59 CEST on the 29th
	refusedBy(t, l, RuleDailyMax)

	clock.add(time.Minute)
	reserve(t, l)
}

func TestLedgerReservedBeforeMidnightCountsForThatDay(t *testing.T) {
	l, clock := newTestLedger(t, map[string]string{EnvDailyMax: "1"}, "2026-01-15T23:59:00Z")
	tk := reserve(t, l)
	clock.add(2 * time.Minute)
	tk.Placed("call-1")
	tk2 := reserve(t, l) // a new day: the first call counted for the 15th
	tk2.NotPlaced()
}

func TestLedgerCallingSwitchedOff(t *testing.T) {
	l, _ := newTestLedger(t, map[string]string{EnvDailyMax: "0"}, noon)
	r := refusedBy(t, l, RuleDailyMax)
	assert.Equal(t, "refused by the operator's policy (rule daily_max): outbound calling is switched off: "+
		"HMS_SOVEREIGN_MAX_CALLS_PER_DAY is 0. Only the operator can switch it on, by setting "+
		"HMS_SOVEREIGN_MAX_CALLS_PER_DAY above 0; the model cannot.", r.Error())
}

func TestLedgerPendingCountsAndNotPlacedFrees(t *testing.T) {
	l, _ := newTestLedger(t, map[string]string{EnvDailyMax: "1", EnvMaxConcurrent: "5"}, noon)
	tk := reserve(t, l)
	refusedBy(t, l, RuleDailyMax)

	tk.NotPlaced()
	reserve(t, l).Placed("call-1")
	refusedBy(t, l, RuleDailyMax)
}

func TestLedgerReportingTwiceIsHarmless(t *testing.T) {
	l, _ := newTestLedger(t, map[string]string{EnvDailyMax: "3", EnvMaxConcurrent: "2"}, noon)
	first := reserve(t, l)
	first.Placed("call-1")
	first.NotPlaced()
	first.Placed("call-1")

	second := reserve(t, l)
	second.NotPlaced()
	second.NotPlaced()

	reserve(t, l)                       // call-1 live and this one: the concurrent maximum
	refusedBy(t, l, RuleConcurrent)     // NotPlaced twice freed no extra slot
	var none *Ticket                    // a refused Reserve's ticket
	assert.NotPanics(t, none.NotPlaced) // so `defer t.NotPlaced()` is safe
	assert.NotPanics(t, func() { none.Placed("x") })
}

func TestLedgerConcurrentMaxAsksStillLive(t *testing.T) {
	l, _ := newTestLedger(t, map[string]string{EnvMaxConcurrent: "2"}, noon)
	ended := map[string]bool{}
	var asked []string
	stillLive := func(_ context.Context, id string) (bool, error) {
		asked = append(asked, id)
		return !ended[id], nil
	}

	tk, err := l.Reserve(t.Context(), "+31612345678", stillLive)
	require.NoError(t, err)
	tk.Placed("call-1")
	tk, err = l.Reserve(t.Context(), "+31612345678", stillLive)
	require.NoError(t, err)
	tk.Placed("call-2")
	assert.Empty(t, asked, "below the maximum nothing is asked")

	_, err = l.Reserve(t.Context(), "+31612345678", stillLive)
	r := refusal(t, err)
	assert.Equal(t, RuleConcurrent, r.Rule)
	assert.Equal(t, "2 calls placed by this server are live or being placed, and at most 2 may be at once",
		r.Reason)
	assert.Contains(t, r.Fix, "with HMS_SOVEREIGN_MAX_CONCURRENT_CALLS; the model cannot")
	assert.Equal(t, []string{"call-1", "call-2"}, asked)

	ended["call-1"] = true
	asked = nil
	tk, err = l.Reserve(t.Context(), "+31612345678", stillLive)
	require.NoError(t, err)
	assert.Equal(t, []string{"call-1", "call-2"}, asked)
	tk.Placed("call-3")

	asked = nil
	_, err = l.Reserve(t.Context(), "+31612345678", stillLive)
	assert.Equal(t, RuleConcurrent, refusal(t, err).Rule)
	assert.Equal(t, []string{"call-2", "call-3"}, asked, "an ended call is not asked about again")
}

func TestLedgerStillLiveErrorCountsAsLive(t *testing.T) {
	l, _ := newTestLedger(t, map[string]string{EnvMaxConcurrent: "1"}, noon)
	reserve(t, l).Placed("call-1")
	failing := func(context.Context, string) (bool, error) { return false, errors.New("upstream status 503") }
	_, err := l.Reserve(t.Context(), "+31612345678", failing)
	assert.Equal(t, RuleConcurrent, refusal(t, err).Rule)
	_, err = l.Reserve(t.Context(), "+31612345678", nil)
	assert.Equal(t, RuleConcurrent, refusal(t, err).Rule)
}

func TestLedgerUnknownOutcomeCountsAsLiveForAnHour(t *testing.T) {
	l, clock := newTestLedger(t, map[string]string{EnvMaxConcurrent: "1", EnvDailyMax: "2"}, noon)
	reserve(t, l).Placed("")
	clock.add(59 * time.Minute)
	ended := func(context.Context, string) (bool, error) { return false, nil }
	_, err := l.Reserve(t.Context(), "+31612345678", ended)
	assert.Equal(t, RuleConcurrent, refusal(t, err).Rule)

	clock.add(time.Minute)
	reserve(t, l).Placed("call-2")
	clock.add(2 * time.Hour)
	_, err = l.Reserve(t.Context(), "+31612345678", ended)
	assert.Equal(t, RuleDailyMax, refusal(t, err).Rule, "the unknown outcome still counts for the day")
}

func TestLedgerConcurrentReserveNeverPassesConcurrentMax(t *testing.T) {
	l, _ := newTestLedger(t, map[string]string{EnvMaxConcurrent: "3", EnvDailyMax: "1000"}, noon)
	granted := reserveFromGoroutines(t, l, 50, func(tk *Ticket) { tk.Placed("call") })
	assert.Equal(t, int64(3), granted)
}

func TestLedgerConcurrentReserveNeverPassesDailyMax(t *testing.T) {
	l, _ := newTestLedger(t, map[string]string{EnvMaxConcurrent: "100", EnvDailyMax: "5"}, noon)
	ended := func(context.Context, string) (bool, error) { return false, nil }
	granted := reserveFromGoroutines(t, l, 50, func(tk *Ticket) { tk.Placed("call") })
	assert.Equal(t, int64(5), granted)
	_, err := l.Reserve(t.Context(), "+31612345678", ended)
	assert.Equal(t, RuleDailyMax, refusal(t, err).Rule)
}

// reserveFromGoroutines calls Reserve from n goroutines at once, hands each
// granted ticket to outcome, and returns how many were granted.
func reserveFromGoroutines(t *testing.T, l *Ledger, n int, outcome func(*Ticket)) int64 {
	t.Helper()
	var granted atomic.Int64
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	for range n {
		ready.Add(1)
		done.Go(func() {
			ready.Done()
			<-start
			tk, err := l.Reserve(context.Background(), "+31612345678", allLive)
			if err == nil {
				granted.Add(1)
				outcome(tk)
			}
		})
	}
	ready.Wait()
	close(start)
	done.Wait()
	return granted.Load()
}

func TestLedgerLastCallTo(t *testing.T) {
	l, clock := newTestLedger(t, map[string]string{EnvMaxConcurrent: "10"}, noon)
	_, ok := l.LastCallTo("+31612345678")
	assert.False(t, ok)

	tk, err := l.Reserve(t.Context(), "+31 6 1234 5678", allLive)
	require.NoError(t, err)
	clock.add(time.Second)
	tk.Placed("call-1")
	at, ok := l.LastCallTo("+31612345678")
	assert.True(t, ok)
	assert.Equal(t, mustTime(t, noon), at, "the time the request was granted")

	clock.add(time.Hour)
	tk, err = l.Reserve(t.Context(), "+31612345678", allLive)
	require.NoError(t, err)
	tk.NotPlaced()
	at, _ = l.LastCallTo("+31-6-1234-5678")
	assert.Equal(t, mustTime(t, noon), at, "a request not placed does not count")

	tk, err = l.Reserve(t.Context(), "+31612345678", allLive)
	require.NoError(t, err)
	tk.Placed("")
	at, _ = l.LastCallTo("+31612345678")
	assert.Equal(t, mustTime(t, "2026-01-15T13:00:01Z"), at, "an unknown outcome counts")

	_, ok = l.LastCallTo("+4930123456")
	assert.False(t, ok)
}

// TestCountAndCheckShareTheDailyMaximum: calls the platform places for
// this server (a campaign's leads, a transfer) count against the same
// daily maximum, all or none, and Check only looks.
func TestCountAndCheckShareTheDailyMaximum(t *testing.T) {
	p := &Policy{DailyMax: 5, MaxConcurrent: 3, from: map[string]string{}}
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	l := NewLedger(p, func() time.Time { return now })

	require.NoError(t, l.Check(5))
	require.NoError(t, l.Count(4, "+31612345678"))
	at, ok := l.LastCallTo("+31612345678")
	assert.True(t, ok)
	assert.Equal(t, now, at)

	var r *Refusal
	require.ErrorAs(t, l.Count(2), &r, "two more would pass five")
	assert.Equal(t, RuleDailyMax, r.Rule)
	assert.Contains(t, r.Reason, "2 more would pass the daily maximum of 5")
	require.NoError(t, l.Check(1), "the refused count took nothing")
	ticket, err := l.Reserve(t.Context(), "+31612340000", nil)
	require.NoError(t, err)
	ticket.Placed("call-1")
	require.ErrorAs(t, l.Check(1), &r, "calls placed and counted share the maximum")
}
