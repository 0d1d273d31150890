package tools

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// chatContact is the seeded contact with three WhatsApp messages.
const chatContact = "+31612345678"

func TestChatTools(t *testing.T) {
	runSandboxCalls(t, []sandboxCall{
		{name: "list", tool: "list_chat_messages", args: map[string]any{"contact_id": chatContact},
			wantText: []string{`"total":3`, `"has_more":false`, `"channel":"whatsapp"`},
			notText:  []string{"metadata", "wamid"},
			after: func(t *testing.T, _ *client.Client, log *sentLog, out map[string]any) {
				msgs := out["messages"].([]any)
				require.Len(t, msgs, 3)
				assert.Equal(t, "Top, dank je wel 😊", msgs[0].(map[string]any)["content"], "newest first")
				q, _ := url.ParseQuery(log.last(t, http.MethodGet, "/chats").query)
				assert.Equal(t, url.Values{"contact_id": {chatContact}, "limit": {"20"}, "offset": {"0"}}, q)
			}},
		{name: "list by assistant and channel", tool: "list_chat_messages",
			args: map[string]any{"contact_id": chatContact, "assistant_id": sandbox.CallbackAssistantID,
				"channel": "whatsapp"},
			wantText: []string{`"messages":[]`, `"total":0`},
			after: func(t *testing.T, _ *client.Client, log *sentLog, _ map[string]any) {
				q, _ := url.ParseQuery(log.last(t, http.MethodGet, "/chats").query)
				assert.Equal(t, sandbox.CallbackAssistantID, q.Get("agent_id"), "agent_id on the wire")
				assert.Equal(t, "whatsapp", q.Get("channel"))
			}},
		{name: "list pages", tool: "list_chat_messages", args: map[string]any{"contact_id": chatContact, "limit": 2},
			wantText: []string{`"count":2`, `"total":3`, `"has_more":true`, `"next_offset":2`}},
		{name: "list without contact", tool: "list_chat_messages", wantError: true,
			wantText: []string{"contact_id: is required"}},
		{name: "list limit too big", tool: "list_chat_messages",
			args: map[string]any{"contact_id": chatContact, "limit": 501}, wantError: true,
			wantText: []string{"limit: must be at most 500"}},
		{name: "context", tool: "get_chat_context", args: map[string]any{"contact_id": chatContact},
			wantText: []string{`"formatted":"USER: Hoi! Kan ik morgen om 10:00 langskomen voor een controle?\nASSISTANT: `,
				`"contact_id":"` + chatContact},
			notText: []string{"wamid"},
			after: func(t *testing.T, _ *client.Client, log *sentLog, out map[string]any) {
				msgs := out["messages"].([]any)
				require.Len(t, msgs, 3)
				assert.Equal(t, "user", msgs[0].(map[string]any)["role"], "oldest first")
				q, _ := url.ParseQuery(log.last(t, http.MethodGet, "/chats/context").query)
				assert.Equal(t, "50", q.Get("limit"), "the documented default is sent")
			}},
		{name: "context limited", tool: "get_chat_context", args: map[string]any{"contact_id": chatContact, "limit": 1},
			wantText: []string{`"formatted":"USER: Top, dank je wel 😊"`}},
		{name: "context limit too big", tool: "get_chat_context",
			args: map[string]any{"contact_id": chatContact, "limit": 201}, wantError: true,
			wantText: []string{"limit: must be at most 200"}},
		{name: "add", tool: "add_chat_message",
			args: map[string]any{"contact_id": chatContact, "channel": "sms", "role": "user",
				"content": "Ik ben 5 minuten later", "assistant_id": sandbox.FrontDeskAssistantID},
			wantText: []string{`"message":{`, `"content":"Ik ben 5 minuten later"`, `"channel":"sms"`},
			after: func(t *testing.T, c *client.Client, log *sentLog, _ map[string]any) {
				assert.Equal(t, sandbox.FrontDeskAssistantID, log.last(t, http.MethodPost, "/chats").body["agent_id"])
				list := mustCall(t, c, "list_chat_messages", map[string]any{"contact_id": chatContact})
				assert.EqualValues(t, 4, list["total"])
				assert.Equal(t, "Ik ben 5 minuten later",
					list["messages"].([]any)[0].(map[string]any)["content"])
			}},
		{name: "add bad role", tool: "add_chat_message",
			args:      map[string]any{"contact_id": chatContact, "channel": "sms", "role": "bot", "content": "x"},
			wantError: true, wantText: []string{`role: "bot" is not one of user, assistant, system`}},
		{name: "add without content", tool: "add_chat_message",
			args:      map[string]any{"contact_id": chatContact, "channel": "sms", "role": "user"},
			wantError: true, wantText: []string{"content: is required"}},
		{name: "delete", tool: "delete_chat_message",
			args:     map[string]any{"chat_message_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"},
			wantText: []string{`"success":true`, `"deleted":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"`},
			after: func(t *testing.T, c *client.Client, _ *sentLog, _ map[string]any) {
				list := mustCall(t, c, "list_chat_messages", map[string]any{"contact_id": chatContact})
				assert.EqualValues(t, 2, list["total"])
				assert.NotContains(t, chatContents(t, list), "Hoi!")
			}},
		{name: "delete unknown", tool: "delete_chat_message", args: map[string]any{"chat_message_id": absentUUID},
			wantError: true, wantText: []string{"not found", "list_chat_messages lists the valid ones"}},
	})
}

// chatContents joins the contents of a list_chat_messages result.
func chatContents(t *testing.T, v map[string]any) string {
	t.Helper()
	var b strings.Builder
	for _, m := range v["messages"].([]any) {
		b.WriteString(m.(map[string]any)["content"].(string) + "\n")
	}
	return b.String()
}

func TestChatToolsAreMarkedDeprecated(t *testing.T) {
	c := newSandboxClient(t, sandbox.New(sandbox.Options{}), sandbox.DemoKey, nil)
	for _, tool := range All(c, apiOnly) {
		if tool.Toolset == LegacySet {
			assert.True(t, strings.HasPrefix(tool.Tool.Description, "Deprecated: the API marks"), tool.Tool.Name)
			assert.Contains(t, tool.Tool.Annotations.Title, "(deprecated)")
		}
	}
}
