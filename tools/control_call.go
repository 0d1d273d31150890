package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// control_call is one tool with a type enum rather than four tools: the
// API has one endpoint whose commands share the call, its in-progress
// requirement and its limit of 10 commands a minute, and one tool keeps
// tools/list shorter for the model.
const controlCallDoc = `Steer a call that is in progress (status in-progress; get_call shows it). ` +
	`type say: the assistant speaks content word for word (end_after hangs up afterwards). ` +
	`type inject-context: adds content as background the assistant knows from now on ` +
	`(trigger_response makes it react at once). type end-call: says message, if given, and hangs up. ` +
	`type transfer: says message, if given, and transfers the caller to destination (E.164 or a SIP ` +
	`URI) over the number's SIP trunk. What the assistant says reaches a real person at once and ` +
	`cannot be taken back. At most 10 commands per call per minute; this server paces them. ` +
	`call_id comes from list_calls or place_outbound_call.`

var controlCall = operation{
	name: "control_call", title: "Control a live call", toolset: CallsSet,
	doc: controlCallDoc, effect: RealWorld,
	method: http.MethodPost, path: "/calls/{id}/control",
	params: []param{
		callID,
		str("type", "Command.").oneOf(catalog.ControlCommands...).req(),
		str("content", "say: the exact words; inject-context: the information to add."),
		boolean("end_after", "say: hang up after speaking.").byDefault(false),
		boolean("trigger_response", "inject-context: make the assistant react at once.").byDefault(false),
		str("message", "end-call and transfer: what to say first."),
		str("destination", "transfer: where to, E.164 (e.g. +31201234567) or a SIP URI (sip:desk@pbx.example)."),
	},
	check: checkControlCommand,
	advice: map[error]string{
		client.ErrInvalidRequest: "Commands work only while the call is in-progress: poll get_call until " +
			"its status is in-progress (a few seconds after placing it), then send the command again; an " +
			"ended call takes none.",
	},
	run:      runControlCall,
	ask:      askControlCommand,
	policy:   transferPolicy,
	counts:   countTransfer,
	output:   actionOutput(field{"success", "boolean"}, field{"message", "string"}),
	listedBy: "list_calls",
}

// commandFields are the fields each command type takes, required first.
var commandFields = map[string][]string{
	"say": {"content", "end_after"}, "inject-context": {"content", "trigger_response"},
	"end-call": {"message"}, "transfer": {"destination", "message"},
}

// sipURI is a SIP or SIPS URI, the other form of a transfer destination.
var sipURI = regexp.MustCompile(`^sips?:[^\s@]+(@[^\s@]+)?$`)

// checkControlCommand requires the fields each command type needs, with
// content, and refuses fields the type does not take, so that nothing the
// model meant to say is dropped without a word.
func checkControlCommand(args map[string]any) error {
	kind := args["type"].(string) // required, so present
	takes := commandFields[kind]
	var problems []string
	if kind != "end-call" {
		if v, _ := args[takes[0]].(string); strings.TrimSpace(v) == "" {
			problems = append(problems, fmt.Sprintf("%s: the %s command needs %s", takes[0], kind, takes[0]))
		}
	}
	if d, ok := args["destination"].(string); ok && kind == "transfer" &&
		!e164Number.MatchString(d) && !sipURI.MatchString(d) {
		problems = append(problems, fmt.Sprintf("destination: %q is neither an E.164 number "+
			"(+31201234567) nor a SIP URI (sip:desk@pbx.example)", clip(d)))
	}
	for _, f := range []string{"content", "end_after", "trigger_response", "message", "destination"} {
		if _, given := args[f]; given && !slices.Contains(takes, f) && !isDefaultFalse(args, f) {
			problems = append(problems, fmt.Sprintf("%s: the %s command does not take %s; it takes %s",
				f, kind, f, strings.Join(takes, " and ")))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("invalid arguments: %s", strings.Join(problems, "; "))
	}
	return nil
}

// isDefaultFalse reports a boolean argument set to its default, false,
// which some clients send for every command.
func isDefaultFalse(args map[string]any, name string) bool {
	return args[name] == false
}

// runControlCall sends the command through the client's per-call pacing.
func runControlCall(ctx context.Context, c *client.Client, _ *guard, args map[string]any) (any, error) {
	command := map[string]any{"type": args["type"]}
	for _, f := range commandFields[args["type"].(string)] {
		if v, ok := args[f]; ok {
			command[f] = v
		}
	}
	if command["type"] == "say" && command["end_after"] == nil {
		command["end_after"] = false // required by older API versions
	}
	if command["type"] == "inject-context" && command["trigger_response"] == nil {
		command["trigger_response"] = false
	}
	body, _, err := c.ControlCall(ctx, args["call_id"].(string), command)
	if err != nil {
		return nil, err
	}
	var answer any = map[string]any{"success": true}
	if len(body) > 0 {
		if err := json.Unmarshal(body, &answer); err != nil {
			return nil, fmt.Errorf("%w: %v", client.ErrUnexpectedAnswer, err)
		}
	}
	return prune(answer), nil
}

// askControlCommand shows the command a person is about to send into a
// live call, and who is on the line. A transfer to a number has the
// person type its last four digits, as for any call placed.
func askControlCommand(ctx context.Context, c *client.Client, g *guard, args map[string]any) (*question, error) {
	id := args["call_id"].(string) // required
	call, err := fetch(ctx, c, "/calls/{id}", map[string]string{"id": id})
	if err != nil {
		return nil, err
	}
	q := &question{target: "call " + id}
	q.fact("Call", fmt.Sprintf("%s with %s, now %s", id, text(call, "caller_phone", "customer_number"),
		text(call, "status")))
	switch args["type"] {
	case "say":
		q.action, q.warning = "Say this in a live call", "The person on the line hears it."
		q.fact("Words", fmt.Sprint(args["content"]))
		if end, _ := args["end_after"].(bool); end {
			q.fact("Then", "end the call")
		}
	case "inject-context":
		q.action, q.warning = "Add to the assistant's context in a live call", "It steers what the assistant says."
		q.fact("Information", fmt.Sprint(args["content"]))
	case "end-call":
		q.action, q.warning = "End a live call", "The person on the line is cut off."
	case "transfer":
		dest := fmt.Sprint(args["destination"])
		q.action, q.warning = "Transfer a live call to "+dest, "It rings that destination."
		q.fact("Transfer to", dest)
		if number, rings := transferNumber(dest); rings {
			q.digits = number[len(number)-4:]
		}
	}
	if m, ok := args["message"].(string); ok {
		q.fact("Said first", m)
	}
	return q, nil
}
