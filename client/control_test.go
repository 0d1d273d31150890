package client

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestControlPacerReleasesTheSlotOfTheCommandThatFailed(t *testing.T) {
	var p controlPacer
	t0 := time.Unix(1_800_000_000, 0)
	for i := range 8 {
		assert.Zero(t, p.reserve("c", t0.Add(time.Duration(i)*time.Millisecond)))
	}
	failed := t0.Add(time.Second)
	assert.Zero(t, p.reserve("c", failed))
	assert.Zero(t, p.reserve("c", t0.Add(30*time.Second)))
	p.release("c", failed) // never sent

	assert.Zero(t, p.reserve("c", t0.Add(31*time.Second)), "the freed slot is the tenth")
	assert.Positive(t, p.reserve("c", t0.Add(32*time.Second)), "an eleventh within the minute waits")
	// At t0+61s the eight first commands have left the window; the ones at
	// 30s and 31s have not, so eight more fit, not nine.
	for i := range 8 {
		assert.Zero(t, p.reserve("c", t0.Add(61*time.Second+time.Duration(i))), "command %d", i)
	}
	assert.Positive(t, p.reserve("c", t0.Add(61*time.Second+time.Second)))
}

func TestControlPacerKeepsCallsApart(t *testing.T) {
	var p controlPacer
	now := time.Unix(1_800_000_000, 0)
	for range ControlLimit {
		assert.Zero(t, p.reserve("a", now))
	}
	assert.Positive(t, p.reserve("a", now))
	assert.Zero(t, p.reserve("b", now), "another call has its own budget")
}

func TestAPostCanceledInFlightMayHaveBeenSent(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Method: http.MethodPost, Path: "/calls/outbound", Delay: 2 * time.Second})
	c := newClient(t, url, nil)
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(200*time.Millisecond, cancel)

	_, _, err := c.Send(ctx, Request{Method: http.MethodPost, Path: "/calls/outbound",
		Body: map[string]any{"destination": "+31612345678"}, Once: true})

	var netErr *NetworkError
	require.ErrorAs(t, err, &netErr)
	assert.True(t, netErr.MaybeSent, "the call may have been placed")
	assert.ErrorIs(t, err, context.Canceled)
}

func TestACommandThatNeverLeftDoesNotCount(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Options{})
	c := newClient(t, url, nil)
	for range ControlLimit + 2 {
		_, _, err := c.ControlCall(t.Context(), "..", map[string]any{"type": "end-call"})
		require.ErrorIs(t, err, ErrInvalidID)
	}
	assert.Empty(t, c.control.sent[".."], "refused unsent, so no slot is kept")
	assert.Empty(t, sb.Requests())
}
