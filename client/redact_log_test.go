package client

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDebugLinesMaskTheNumbersInCallIDs: a call ID carries the caller's
// number, and the attempt lines keep only its last four digits.
func TestDebugLinesMaskTheNumbersInCallIDs(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"id":"x"}`))
	}))
	t.Cleanup(api.Close)
	var logs bytes.Buffer
	c, err := New(Options{BaseURL: api.URL + "/api/v1", APIKey: "fl_test_k",
		Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	require.NoError(t, err)

	_, _, err = c.Send(t.Context(), Request{Method: http.MethodGet, Path: "/calls/{id}",
		PathParams: map[string]string{"id": "call-_+31612345678_XqaQxRRgAzYc"}})
	require.NoError(t, err)
	assert.Contains(t, logs.String(), "api attempt")
	assert.NotContains(t, logs.String(), "31612345678")
	assert.Contains(t, logs.String(), "•••••••5678")
}
