package tools

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/voicedock/voicedock-mcp/client"
)

// question is what a person is asked before a tool call goes ahead: the
// facts they check, in their words, read from the API where the
// arguments name something by ID.
type question struct {
	action  string   // what will happen, e.g. "Delete assistant"
	facts   []string // "Assistant: Front desk (asst_1)", one per line
	warning string   // why it matters, e.g. "This cannot be undone."
	digits  string   // the last four digits a person types; "" asks yes/no
	target  string   // what the call acts on, for the audit trail
}

// fact adds one line to the form. The value may quote what others wrote
// (a name, a caller's number, the words to say), so it is kept to one
// line of at most maxFactRunes: a value cannot add lines of its own that
// pass for the server's, nor push the real ones out of sight.
func (q *question) fact(label, value string) {
	q.facts = append(q.facts, label+": "+oneLine(value))
}

// maxFactRunes bounds one value shown in a form.
const maxFactRunes = 300

// oneLine is value on one line, cleaned and cut to maxFactRunes; line
// breaks read as " / ".
func oneLine(value string) string {
	value = strings.Join(strings.FieldsFunc(cleanText(value), isLineBreak), " / ")
	return truncateRunes(value, maxFactRunes)
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// fingerprint identifies the facts shown: when the facts read again just
// before acting differ, the person confirmed something else.
func (q *question) fingerprint() string {
	sum := sha256.Sum256([]byte(strings.Join(append([]string{q.action, q.digits}, q.facts...), "\n")))
	return hex.EncodeToString(sum[:])
}

// message is the form's text.
func (q *question) message() string {
	var b strings.Builder
	b.WriteString(q.action + "?")
	if q.warning != "" {
		b.WriteString(" " + q.warning)
	}
	b.WriteString("\n")
	for _, f := range q.facts {
		b.WriteString("\n• " + f)
	}
	b.WriteString("\n\n")
	if q.digits != "" {
		b.WriteString("To go ahead, type the last four digits of the number being called.")
	} else {
		b.WriteString("Nothing happens unless you confirm.")
	}
	return b.String()
}

// Form fields of the confirmation.
const (
	digitsField  = "last_four_digits"
	confirmField = "confirm"
)

// schema is the form: the last four digits of the number called, or a
// yes/no box.
func (q *question) schema() map[string]any {
	if q.digits != "" {
		return map[string]any{"type": "object", "required": []string{digitsField},
			"properties": map[string]any{digitsField: map[string]any{
				"type": "string", "title": "Last four digits of the number called",
				"minLength": 4, "maxLength": 4, "pattern": "^[0-9]{4}$"}}}
	}
	return map[string]any{"type": "object", "required": []string{confirmField},
		"properties": map[string]any{confirmField: map[string]any{
			"type": "boolean", "title": q.action, "default": false}}}
}

func (q *question) elicitation() mcp.ElicitationParams {
	// The facts may quote what others wrote (a name, the words to say):
	// nothing hidden reaches the person's eyes.
	return mcp.ElicitationParams{Mode: mcp.ElicitationModeForm, Message: cleanText(q.message()),
		RequestedSchema: q.schema()}
}

// question builds what a person confirms before a call of op: the tool's
// own (op.ask) when it reaches the world, otherwise one made from its
// title, the name of what it acts on (read from the API when a GET of the
// same path exists) and the arguments that change it.
func (op operation) question(ctx context.Context, c *client.Client, g *guard, args map[string]any) (*question, error) {
	if op.ask != nil {
		return op.ask(ctx, c, g, args)
	}
	q := &question{action: op.title}
	if op.effect == Destructive {
		q.warning = "This cannot be undone."
	}
	pathParams := op.request(args).PathParams
	if op.readable() {
		obj, err := fetch(ctx, c, op.path, pathParams)
		if err != nil {
			return nil, err
		}
		q.target = nameOf(obj, pathParams)
		q.fact("What", q.target)
	}
	for _, p := range op.params {
		if v, ok := args[p.name]; ok && !(p.in == inPath && op.readable()) {
			q.fact(p.name, argumentText(p, v))
		}
	}
	if q.target == "" {
		q.target = strings.Join(q.facts, "; ")
	}
	return q, nil
}

// readable reports whether the thing op acts on can be read first: its
// path names it by ID and a tool reads that path.
func (op operation) readable() bool {
	return strings.Contains(op.path, "{") && slices.ContainsFunc(operations, func(o operation) bool {
		return o.method == http.MethodGet && o.path == op.path && o.host == op.host
	})
}

// fetch reads one object with GET path.
func fetch(ctx context.Context, c *client.Client, path string, pathParams map[string]string) (map[string]any, error) {
	body, _, err := c.Send(ctx, client.Request{Method: http.MethodGet, Path: path, PathParams: pathParams})
	if err != nil {
		return nil, err
	}
	answer, err := decodeAnswer(body)
	if err != nil {
		return nil, err
	}
	obj, ok := objectUnder(answer, wrapperKeys...)
	if !ok {
		return nil, fmt.Errorf("%w: no object in the answer to GET %s", client.ErrUnexpectedAnswer, path)
	}
	return obj, nil
}

// decodeAnswer decodes an answer's JSON body.
func decodeAnswer(body []byte) (any, error) {
	var answer any
	if err := json.Unmarshal(body, &answer); err != nil {
		return nil, fmt.Errorf("%w: %v", client.ErrUnexpectedAnswer, err)
	}
	return answer, nil
}

// wrapperKeys are the keys a single object may come wrapped in, across
// the resources (the sources disagree per endpoint).
var wrapperKeys = []string{"data", "assistant", "call", "phone_number", "number", "campaign", "workflow",
	"sip_trunk", "trunk", "mcp_server", "template", "tool_template", "analysis_template", "lead"}

// nameFields are the fields that name a thing, best first.
var nameFields = []string{"name", "label", "title", "phone_number", "number", "host", "domain", "email", "provider"}

// maxNameRunes bounds a name shown in a form, so that the ID after it is
// never cut off.
const maxNameRunes = 100

// nameOf names an object a person recognises: its name and its ID.
func nameOf(obj map[string]any, pathParams map[string]string) string {
	id, _ := obj["id"].(string)
	if id == "" {
		ids := slices.Sorted(func(yield func(string) bool) {
			for _, v := range pathParams {
				if !yield(v) {
					return
				}
			}
		})
		id = strings.Join(ids, "/")
	}
	number, _ := obj["phone_number"].(string)
	for _, f := range nameFields {
		if name, ok := obj[f].(string); ok && name != "" {
			name = truncateRunes(name, maxNameRunes) // the ID after it stays in sight
			if number != "" && number != name {
				return fmt.Sprintf("\"%s\", %s (%s)", name, number, id)
			}
			return fmt.Sprintf("\"%s\" (%s)", name, id)
		}
	}
	return id
}

// argumentText shows an argument's value in a form: text as it is, other
// values as JSON, secrets hidden.
func argumentText(p param, v any) string {
	if secretName(p.name) {
		return "(hidden)"
	}
	if text, ok := v.(string); ok {
		return text
	}
	b, _ := json.Marshal(v) // decoded arguments always encode
	return string(b)
}

// secretName reports whether an argument holds a secret that a form must
// not show.
func secretName(name string) bool {
	for _, word := range []string{"key", "secret", "password", "token", "headers"} {
		if strings.Contains(name, word) && !strings.HasSuffix(name, "_env") {
			return true
		}
	}
	return false
}
