package tools

import (
	"net/http"
	"slices"
)

const listChatMessagesDoc = deprecatedNote + `List the chat messages stored for one contact, newest ` +
	`first: ID, role, content, channel and time. Filter by channel, or by assistant (assistant_id from list_assistants). Use it to find a ` +
	`chat_message_id for delete_chat_message; get_chat_context gives the recent conversation as a ` +
	`transcript instead. Returns one page (default 20); pass next_offset as offset for more.`

var listChatMessages = operation{
	name: "list_chat_messages", title: "List chat messages (deprecated)", toolset: LegacySet,
	doc: listChatMessagesDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/chats",
	params: slices.Concat([]param{
		chatContactID.inQuery(),
		str("channel", "Only messages of this channel. "+chatChannelDoc).inQuery(),
		str("assistant_id", "Only messages of this assistant (a UUID), as list_assistants shows.").
			as("agent_id").inQuery(),
	}, pageParams(inQuery, 20, 500)),
	shape:     paged("messages", chatMessageView),
	output:    withUntrustedContent(listOutput("messages", chatMessageOut...)),
	untrusted: []string{"messages[].content"},
}
