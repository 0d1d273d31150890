package tools

import (
	"context"
	"slices"
	"strings"

	"github.com/voicedock/voicedock-mcp/audit"
)

// unasked says why a call that changes something went ahead without a
// person confirming it, for the audit trail.
func (g *guard) unasked(e Effect) string {
	switch {
	case e < Destructive:
		return "not required (" + e.String() + ")"
	case g.dryRun:
		return "not asked (dry run)"
	}
	return "not required (HMS_SOVEREIGN_CONFIRM=" + g.Confirm.String() + ")"
}

// record writes one audit line for a call that changes something.
func (g *guard) record(ctx context.Context, op operation, e Effect, args map[string]any, out outcome) {
	target := out.target
	if target == "" {
		target = argumentTarget(op, args)
	}
	// Unescaped, so that the trail's masking finds a number written as
	// %2B31…; nothing here is parsed again.
	g.Audit.Record(audit.Entry{Tool: op.name, Class: e.String(), Target: unescaped(target), Outcome: out.kind,
		Detail: unescaped(out.detail), Confirmed: out.confirmed, Session: sessionID(ctx), Time: g.Now()})
}

// targetArguments are the arguments that name what a call acts on, beside
// the IDs in its path.
var targetArguments = []string{"name", "destination", "phone_number", "provider", "domain"}

// argumentTarget names what a call acts on from its arguments: the IDs in
// its path, the numbers it rings and the names it gives.
func argumentTarget(op operation, args map[string]any) string {
	var parts []string
	for _, p := range op.params {
		v, ok := args[p.name].(string)
		if ok && (p.in == inPath || slices.Contains(targetArguments, p.name)) {
			parts = append(parts, p.name+" "+v)
		}
	}
	return strings.Join(parts, ", ")
}
