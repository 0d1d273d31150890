package tools

import (
	"errors"
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const createWebCallDoc = `Start a browser (WebRTC) call with an assistant and get the short-lived token ` +
	`and server URL a LiveKit client in the browser joins with. Hand both to the web page that will talk; ` +
	`the token grants access to the call, so do not share it further. Billed per minute like phone ` +
	`calls once someone joins. Choose the assistant with assistant_id (from list_assistants), optionally ` +
	`with assistant_override, or give a one-off assistant. The call then shows in list_calls as direction web.`

var createWebCall = operation{
	name: "create_web_call", title: "Create a web call", toolset: CallsSet,
	doc: createWebCallDoc, effect: RealWorld,
	method: http.MethodPost, path: "/v1/web-calls", host: client.AssistantAPI,
	params: []param{
		str("assistant_id", "Saved assistant to use, from list_assistants."),
		assistantOverride,
		transientAssistant,
	},
	check: func(args map[string]any) error {
		if _, ok := args["assistant_id"]; !ok && args["assistant"] == nil {
			return errors.New("invalid arguments: choose the assistant: assistant_id (from list_assistants) " +
				"or a one-off assistant object")
		}
		return checkAssistantChoice(args)
	},
	ask:      askWebCall,
	policy:   configPolicy,
	output:   actionOutput(field{"token", "string"}, field{"server_url", "string"}),
	listedBy: "list_assistants",
}
