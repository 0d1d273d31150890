package tools

import (
	"strings"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// legacyOperations are the legacy toolset, on only when named: the chats
// API the reference marks deprecated (section 8.17), append-only storage
// of a contact's messages so that context carries across channels.
var legacyOperations = []operation{
	listChatMessages, getChatContext, addChatMessage, deleteChatMessage,
}

// deprecatedNote starts every legacy tool's description.
const deprecatedNote = `Deprecated: the API marks the chats endpoints deprecated, so they may go away. `

// chatRoles are the role values of a chat message. Only user appears in
// the reference's examples; assistant and system are inferred.
var chatRoles = []string{"user", "assistant", "system"}

// chatContactID is the argument naming the external contact whose messages a
// chat tool reads.
var chatContactID = str("contact_id", "The external contact the messages belong to, as the user's own "+
	"system names it: a phone number, chat session ID or e-mail address.").req().ownID()

// chatChannelDoc describes a channel argument; the API takes any string.
var chatChannelDoc = "Channel the message came through, a free string such as " +
	strings.Join(catalog.ChatChannels, ", ") + "."

// chatMessageOut are the fields of a chat message a result schema names.
var chatMessageOut = []field{
	{"id", "string"}, {"role", "string"}, {"content", "string"}, {"channel", "string"},
	{"contact_id", "string"}, {"agent_id", "string"}, {"created_at", "string"},
}

// chatMessageView is a message without its provider metadata.
func chatMessageView(m map[string]any) any {
	return without(m, "metadata")
}
