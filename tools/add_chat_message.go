package tools

import "net/http"

const addChatMessageDoc = deprecatedNote + `Store one chat message of a contact (e.g. a WhatsApp ` +
	`message the user's own system received), so that assistants see it as context. Storage is ` +
	`append-only: a message cannot be edited, only deleted with delete_chat_message. assistant_id ` +
	`comes from list_assistants.`

var addChatMessage = operation{
	name: "add_chat_message", title: "Add a chat message (deprecated)", toolset: LegacySet,
	doc: addChatMessageDoc, effect: Write,
	method: http.MethodPost, path: "/chats",
	params: []param{
		chatContactID,
		str("channel", chatChannelDoc).req(),
		str("role", "Who wrote the message: user is the contact.").oneOf(chatRoles...).req(),
		str("content", "The message text, as the user gives it.").req(),
		str("assistant_id", "Assistant the conversation is with (a UUID), as list_assistants shows.").
			as("agent_id"),
		object("metadata", "Extra data to keep with the message, e.g. {\"provider_message_id\": "+
			"\"wamid.X1\"}."),
	},
	shape:     one("message", "chat_message"),
	output:    withUntrustedContent(objectOutput("message", chatMessageOut...)),
	untrusted: []string{"message.content"},
}
