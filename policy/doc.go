// Package policy is the operator's policy for outbound calling: which
// numbers the server may call, how many calls a day and at once, and when
// not to call at all.
//
// The operator sets the policy in the environment, optionally with a JSON
// file (see [Load]); the AI model never can. The server reads it once at
// start-up, `voicedock-mcp check` prints [Policy.Describe], and every tool
// that places a call asks, before any request leaves:
//
//  1. [Policy.CheckDestination] for the number,
//  2. [Policy.CheckTime] for the quiet hours,
//  3. [Ledger.Reserve] for the daily and concurrent maximums, then reports
//     the outcome on the [Ticket] with Placed or NotPlaced.
//
// A refusal is a [*Refusal]: it names the rule, says why, and says what an
// operator changes to lift it, and that the model cannot.
//
// # Built-in blocks
//
// Some numbers are refused whatever the configuration says: emergency and
// short service numbers, premium-rate and other costly ranges (both listed in
// builtin.go), and anything that is not an E.164 number. An operator can add
// blocked patterns but cannot remove these. A blocked number stays blocked
// when an allowed pattern also matches it.
package policy
