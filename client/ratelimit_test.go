package client

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPacerCountsOnlyRequestsSent(t *testing.T) {
	p := newPacer(100, time.Minute) // a burst of 10, then 80 a minute
	p.observe(RateLimit{Known: true, Limit: 100, Remaining: 50, Reset: time.Now().Add(time.Minute)})
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()

	var mu sync.Mutex
	sent, refused := 0, 0
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			err := p.wait(ctx, 0)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				sent++
				return
			}
			var rl *RateLimitError
			require.ErrorAs(t, err, &rl)
			refused++
		})
	}
	wg.Wait()

	assert.Equal(t, 10, sent, "the burst")
	assert.Equal(t, 10, refused, "the rest cannot leave within 200 ms")
	assert.Equal(t, 40, p.window.Remaining, "requests held back must not use up the window")
}

func TestPacerHoldsRequestsUntilTheWindowResets(t *testing.T) {
	p := newPacer(100, time.Minute)
	reset := time.Now().Add(300 * time.Millisecond)
	p.observe(RateLimit{Known: true, Limit: 100, Remaining: 0, Reset: reset})

	require.NoError(t, p.wait(t.Context(), 0))

	assert.False(t, time.Now().Before(reset), "sent before the reported window reset")
}

func TestPacerKeepsReserveForTheAttempt(t *testing.T) {
	p := newPacer(100, time.Minute)
	p.observe(RateLimit{Known: true, Limit: 100, Remaining: 0, Reset: time.Now().Add(time.Second)})
	ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond)
	defer cancel()

	err := p.wait(ctx, time.Second) // 1 s of waiting plus 1 s for the attempt do not fit 1.5 s

	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.InDelta(t, time.Second.Seconds(), rl.RetryAfter.Seconds(), 0.1)
}
