package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newLogger returns a JSON logger at level writing to the returned buffer,
// as the server's stderr logger does.
func newLogger(level slog.Level) (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: level})), buf
}

// jsonLines decodes each line of text as a JSON object.
func jsonLines(t *testing.T, text string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "line %q", sc.Text())
		out = append(out, m)
	}
	require.NoError(t, sc.Err())
	return out
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// The originals that must never appear in any output.
const (
	callee   = "+31612345678"
	caller   = "+49 151 1234 5678"
	liveKey  = "fl_live_Zx81kQ2mPp"
	provider = "sk-proj-Abc123Def456"
)

var sensitive = Entry{
	Tool:      "place_outbound_call",
	Class:     "real-world",
	Target:    "call to " + callee + " from " + caller,
	Outcome:   Failed,
	Detail:    "HTTP 401 key " + liveKey + " rejected for " + callee + "; provider key " + provider,
	Confirmed: "user (elicitation form) at 0612345678",
	Session:   "mcp-session-497f6eca-6276-4993-bfeb-53cbbbba6f08 Bearer t0k3n",
	Time:      time.Date(2026, 12, 4, 10, 0, 0, 123456789, time.FixedZone("CET", 3600)),
}

// wantMasked is sensitive as every output must show it.
var wantMasked = map[string]any{
	"tool":      "place_outbound_call",
	"class":     "real-world",
	"target":    "call to +•••••••5678 from +•••••••••5678",
	"outcome":   "failed",
	"detail":    "HTTP 401 key [redacted] rejected for +•••••••5678; provider key [redacted]",
	"confirmed": "user (elicitation form) at ••••••5678",
	"session":   "mcp-session-497f6eca-6276-4993-bfeb-53cbbbba6f08 Bearer [redacted]",
}

func TestRecordMasksEveryField(t *testing.T) {
	logger, stderr := newLogger(slog.LevelInfo)
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := New(logger, path)
	require.NoError(t, err)

	l.Record(sensitive)
	require.NoError(t, l.Close())

	logged := jsonLines(t, stderr.String())
	require.Len(t, logged, 1)
	assert.Equal(t, "INFO", logged[0]["level"])
	assert.Equal(t, "audit", logged[0]["msg"])
	assert.Equal(t, "2026-12-04T10:00:00.123456789+01:00", logged[0]["time"], "the entry's own time")
	for k, want := range wantMasked {
		assert.Equal(t, want, logged[0][k], "stderr %s", k)
	}

	filed := jsonLines(t, readFile(t, path))
	require.Len(t, filed, 1)
	want := map[string]any{"time": "2026-12-04T09:00:00.123456789Z"}
	for k, v := range wantMasked {
		want[k] = v
	}
	assert.Equal(t, want, filed[0])

	for _, out := range []string{stderr.String(), readFile(t, path)} {
		for _, secret := range []string{callee, "31612345678", "15112345678", "151 1234", liveKey, provider,
			"Abc123", "0612345678", "t0k3n"} {
			assert.NotContains(t, out, secret)
		}
	}
}

func TestRecordStampsTheTimeWhenZero(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := New(nil, path)
	require.NoError(t, err)
	before := time.Now().UTC()

	l.Record(Entry{Tool: "delete_assistant", Class: "destructive", Target: "assistant asst_123 (Front desk)",
		Outcome: Done, Confirmed: "user (input_required)"})
	require.NoError(t, l.Close())

	lines := jsonLines(t, readFile(t, path))
	require.Len(t, lines, 1)
	got, err := time.Parse(time.RFC3339Nano, lines[0]["time"].(string))
	require.NoError(t, err)
	assert.WithinRange(t, got, before, time.Now().UTC())
	assert.True(t, strings.HasSuffix(lines[0]["time"].(string), "Z"), "UTC")
	assert.Equal(t, "assistant asst_123 (Front desk)", lines[0]["target"], "IDs are not masked")
	assert.Equal(t, "", lines[0]["session"], "every field is present")
}

func TestConcurrentRecordsMakeWholeLines(t *testing.T) {
	logger, stderr := newLogger(slog.LevelInfo)
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := New(logger, path)
	require.NoError(t, err)
	const goroutines, each = 100, 10
	long := strings.Repeat("policy rule quiet_hours ", 50) // lines of over 1 KB

	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				l.Record(Entry{Tool: "update_assistant", Class: "write", Outcome: Done,
					Target: fmt.Sprintf("assistant asst_%d_%d", g, i), Detail: long})
			}
		})
	}
	wg.Wait()
	require.NoError(t, l.Close())

	lines := jsonLines(t, readFile(t, path))
	require.Len(t, lines, goroutines*each)
	seen := map[string]bool{}
	for _, ln := range lines {
		assert.Equal(t, long, ln["detail"])
		seen[ln["target"].(string)] = true
	}
	assert.Len(t, seen, goroutines*each, "every entry once")
	assert.Len(t, jsonLines(t, stderr.String()), goroutines*each)
}

func TestFileIsPrivateAndAppended(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	for _, tool := range []string{"create_assistant", "delete_number"} {
		l, err := New(nil, path)
		require.NoError(t, err)
		l.Record(Entry{Tool: tool, Outcome: Done})
		require.NoError(t, l.Close())
	}

	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	lines := jsonLines(t, readFile(t, path))
	require.Len(t, lines, 2)
	assert.Equal(t, "create_assistant", lines[0]["tool"])
	assert.Equal(t, "delete_number", lines[1]["tool"])
}

func TestNewNamesAFileItCannotOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "audit.log")

	l, err := New(nil, path)

	require.Error(t, err)
	assert.Nil(t, l)
	assert.Contains(t, err.Error(), path)
	assert.Contains(t, err.Error(), "audit file")
}

func TestWithoutFileOnlyTheLoggerRecords(t *testing.T) {
	logger, stderr := newLogger(slog.LevelInfo)
	l, err := New(logger, "")
	require.NoError(t, err)

	l.Record(Entry{Tool: "set_byok_key", Class: "real-world", Outcome: DryRun, Confirmed: "not asked (dry run)"})

	assert.NoError(t, l.Close())
	lines := jsonLines(t, stderr.String())
	require.Len(t, lines, 1)
	assert.Equal(t, "dry-run", lines[0]["outcome"])
	assert.Equal(t, "not asked (dry run)", lines[0]["confirmed"])
}

func TestALoggerAboveInfoGetsNoRecord(t *testing.T) {
	logger, stderr := newLogger(slog.LevelWarn)
	l, err := New(logger, "")
	require.NoError(t, err)

	l.Record(Entry{Tool: "delete_campaign", Outcome: Done})

	assert.Empty(t, stderr.String())
}

func TestAFailedWriteIsReportedOnce(t *testing.T) {
	logger, stderr := newLogger(slog.LevelInfo)
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := New(logger, path)
	require.NoError(t, err)
	require.NoError(t, l.file.Close()) // every later write fails

	l.Record(Entry{Tool: "delete_workflow", Outcome: Done})
	l.Record(Entry{Tool: "delete_workflow", Outcome: Failed})

	var audits, failures int
	for _, ln := range jsonLines(t, stderr.String()) {
		switch ln["msg"] {
		case "audit":
			audits++
		default:
			failures++
			assert.Equal(t, "ERROR", ln["level"])
			assert.Equal(t, path, ln["path"])
			assert.Contains(t, ln["msg"], "audit file write failed")
		}
	}
	assert.Equal(t, 2, audits, "the logger still gets every entry")
	assert.Equal(t, 1, failures)
}

func TestAfterCloseOnlyTheLoggerRecords(t *testing.T) {
	logger, stderr := newLogger(slog.LevelInfo)
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := New(logger, path)
	require.NoError(t, err)
	require.NoError(t, l.Close())

	l.Record(Entry{Tool: "control_call", Outcome: Done})

	assert.NoError(t, l.Close(), "closing twice is fine")
	assert.Empty(t, readFile(t, path))
	assert.Len(t, jsonLines(t, stderr.String()), 1)
}

func TestNilLogDoesNothing(t *testing.T) {
	var l *Log

	assert.NotPanics(t, func() { l.Record(sensitive) })
	assert.NoError(t, l.Close())
}
