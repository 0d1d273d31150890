package tools

import "net/http"

const deleteChatMessageDoc = deprecatedNote + `Delete one stored chat message permanently; this ` +
	`cannot be undone. chat_message_id comes from list_chat_messages.`

var deleteChatMessage = operation{
	name: "delete_chat_message", title: "Delete a chat message (deprecated)", toolset: LegacySet,
	doc: deleteChatMessageDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/chats/{id}",
	params: []param{
		str("chat_message_id", "Chat message ID (a UUID), as list_chat_messages shows.").as("id").inPath(),
	},
	shape:    deleted("chat_message_id"),
	output:   deletedOutput,
	listedBy: "list_chat_messages",
}
