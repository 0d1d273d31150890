package tools

import (
	"errors"
	"net/http"
)

const getChatContextDoc = deprecatedNote + `Get the last messages of one contact, oldest first, ` +
	`with a ready transcript (formatted, one "ROLE: text" line each): the context an assistant would ` +
	`get about earlier conversations on other channels. Use list_chat_messages to page through all of ` +
	`them.`

var getChatContext = operation{
	name: "get_chat_context", title: "Get chat context (deprecated)", toolset: LegacySet,
	doc: getChatContextDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/chats/context",
	params: []param{
		chatContactID.inQuery(),
		str("assistant_id", "Only messages of this assistant (a UUID), as list_assistants shows.").
			as("agent_id").inQuery(),
		integer("limit", "How many of the latest messages to include.").between(1, 200).byDefault(50).inQuery(),
	},
	shape:     chatContext,
	output:    withUntrustedContent(chatContextOutput),
	untrusted: []string{"messages[].content", "formatted"},
}

// chatContextOutput is the output schema of chatContext.
var chatContextOutput = func() map[string]any {
	s := actionOutput(field{"contact_id", "string"}, field{"agent_id", "string"}, field{"formatted", "string"})
	s["properties"].(map[string]any)["messages"] = map[string]any{"type": "array",
		"items": fieldsSchema(chatMessageOut), "description": "Oldest first."}
	return s
}()

// chatContext passes the context answer through, its messages without
// provider metadata.
func chatContext(body any, _ map[string]any) (any, error) {
	m, ok := body.(map[string]any)
	if !ok {
		return nil, errors.New("the answer is not an object")
	}
	out := without(m, "messages").(map[string]any)
	if msgs, ok := m["messages"].([]any); ok {
		out["messages"] = views(msgs, chatMessageView)
	}
	return fitValue(prune(out)), nil
}
