package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// Outcomes of an action, for Entry.Outcome.
const (
	Done      = "done"      // the platform accepted the request
	Refused   = "refused"   // a rule of this server refused it; nothing was sent
	Declined  = "declined"  // the person asked to confirm said no
	Cancelled = "cancelled" // the confirmation was dismissed or the request cancelled
	Failed    = "failed"    // the platform answered with an error
	Unknown   = "unknown"   // sent, but no answer came: it may have taken effect
	DryRun    = "dry-run"   // checked and described, never sent
)

// Attribute keys of the audit record on the logger, and fields of a file
// line.
const (
	keyTool      = "tool"
	keyClass     = "class"
	keyTarget    = "target"
	keyOutcome   = "outcome"
	keyDetail    = "detail"
	keyConfirmed = "confirmed"
	keySession   = "session"
)

// message is the message of every audit record on the logger.
const message = "audit"

// Entry is one audited action: a tool call that writes, deletes or acts in
// the real world, whatever came of it.
type Entry struct {
	Tool      string    // the tool called, e.g. "place_outbound_call"
	Class     string    // "write", "destructive" or "real-world"
	Target    string    // what it acted on, e.g. "call to +31612345678"
	Outcome   string    // one of Done, Refused, Declined, Cancelled, Failed, Unknown, DryRun
	Detail    string    // a short reason, e.g. "policy rule quiet_hours" or "HTTP 404 not found"
	Confirmed string    // who confirmed and how, e.g. "user (elicitation form)"
	Session   string    // the MCP session ID, empty when there is none
	Time      time.Time // when it happened; zero means when Record is called
}

// line is an Entry as written to the file, masked, one JSON object.
type line struct {
	Time      string `json:"time"`
	Tool      string `json:"tool"`
	Class     string `json:"class"`
	Target    string `json:"target"`
	Outcome   string `json:"outcome"`
	Detail    string `json:"detail"`
	Confirmed string `json:"confirmed"`
	Session   string `json:"session"`
}

// masked returns e's line: every text field through MaskSecrets and
// MaskPhoneNumbers, the time in UTC.
func (e Entry) masked() line {
	return line{
		Time: e.Time.UTC().Format(time.RFC3339Nano), Tool: mask(e.Tool), Class: mask(e.Class),
		Target: mask(e.Target), Outcome: mask(e.Outcome), Detail: mask(e.Detail),
		Confirmed: mask(e.Confirmed), Session: mask(e.Session),
	}
}

// Log is the audit trail: each Record becomes one Info record on a
// logger and, when a file is set, one JSON line appended to it. It is
// safe for use by many goroutines.
type Log struct {
	logger *slog.Logger
	path   string

	mu          sync.Mutex
	file        *os.File // nil without a file, or once closed
	writeFailed bool     // a failed write has been reported; later ones are not
}

// New returns a Log writing to logger (nil: no records) and, when path is
// not empty, appending JSON lines to the file at path, created with mode
// 0600 if it does not exist (an existing file keeps its mode). The error
// names the file when it cannot be opened.
func New(logger *slog.Logger, path string) (*Log, error) {
	l := &Log{logger: logger, path: path}
	if path == "" {
		return l, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("audit file: %w", err) // *PathError: "open <path>: <reason>"
	}
	l.file = f
	return l, nil
}

// Record writes e, masked, to the logger and the file. It never fails: a
// failed file write is reported once on the logger and the entry is lost
// from the file (it is still on the logger). It waits only for other
// Records and one write to the file. A nil Log records nothing; after
// Close, entries go to the logger only.
func (l *Log) Record(e Entry) {
	if l == nil {
		return
	}
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	ln := e.masked()
	l.log(e.Time, ln)
	l.append(ln)
}

// log writes ln to the logger as one Info record stamped t.
func (l *Log) log(t time.Time, ln line) {
	if l.logger == nil {
		return
	}
	ctx := context.Background()
	h := l.logger.Handler()
	if !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	r := slog.NewRecord(t, slog.LevelInfo, message, 0)
	r.AddAttrs(slog.String(keyTool, ln.Tool), slog.String(keyClass, ln.Class),
		slog.String(keyTarget, ln.Target), slog.String(keyOutcome, ln.Outcome),
		slog.String(keyDetail, ln.Detail), slog.String(keyConfirmed, ln.Confirmed),
		slog.String(keySession, ln.Session))
	_ = h.Handle(ctx, r) // as slog.Logger does: a handler's failure has nowhere to go
}

// append writes ln to the file as one line, in a single write so that
// concurrent Records never interleave.
func (l *Log) append(ln line) {
	// An Encoder, not json.Marshal, to keep "Björk & Søn" rather than
	// "Björk \u0026 Søn"; it cannot fail, as ln holds only strings.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(ln)

	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file == nil {
		return
	}
	if _, err := l.file.Write(buf.Bytes()); err != nil && !l.writeFailed {
		l.writeFailed = true
		if l.logger != nil {
			l.logger.Error("audit file write failed; later failures are not reported",
				"path", l.path, "error", err.Error())
		}
	}
}

// Close closes the file, if any. Closing a nil or closed Log does nothing.
func (l *Log) Close() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file == nil {
		return nil
	}
	err := l.file.Close()
	l.file = nil
	if err != nil {
		return fmt.Errorf("audit file: close %s: %w", l.path, err)
	}
	return nil
}
