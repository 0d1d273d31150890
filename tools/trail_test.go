package tools

import (
	"bytes"
	"log/slog"
	"net/http"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/audit"
)

// TestAuditTrailMasksNumbersHoweverTheyAreWritten: a number written in a
// SIP address with %2B, or in a call ID, shows its last four digits only.
func TestAuditTrailMasksNumbersHoweverTheyAreWritten(t *testing.T) {
	var lines bytes.Buffer
	trail, err := audit.New(slog.New(slog.NewJSONHandler(&lines, nil)), "")
	require.NoError(t, err)
	d := newDirectWith(t, Safety{Confirm: ConfirmNever, Audit: trail})
	ctx := modernCtx(t)

	transfer := d.call(ctx, "control_call", transferTo("sip:%2B31612345678@pbx.example"), mcp.MultiRoundTripParams{})
	require.False(t, transfer.IsError, resultText(t, transfer))
	call := d.call(ctx, "place_outbound_call", withDestination("+31612341111"), mcp.MultiRoundTripParams{})
	require.False(t, call.IsError, resultText(t, call))
	assert.Equal(t, 2, bytes.Count(lines.Bytes(), []byte(`"msg":"audit"`)))
	assert.NotContains(t, lines.String(), "31612345678")
	assert.NotContains(t, lines.String(), "31612341111")
	assert.NotContains(t, lines.String(), "31687654321", "the live call's ID holds the caller's number")
	assert.Contains(t, lines.String(), "5678")
	assert.Equal(t, 1, d.sb.CountRequests(http.MethodPost, "/calls/outbound"))
}
