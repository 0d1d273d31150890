package tools

import (
	"fmt"
	"net/http"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

var setBYOKKeyDoc = fmt.Sprintf(`Store the user's own API key for a provider (bring your own key), `+
	`replacing any key already stored for it. From then on that provider's usage in calls is billed to `+
	`the user's provider account, and the platform charges only its €%.2f per minute fee. The key is `+
	`stored in a vault and never shown again, but it passes through the model's context (this `+
	`conversation) on the way: the user may prefer to enter it in the dashboard instead. `+
	`list_byok_keys shows which providers have a key.`, catalog.OrchestrationEuroPerMinute)

var setBYOKKey = operation{
	name: "set_byok_key", title: "Set a provider key", toolset: BYOKSet,
	doc: setBYOKKeyDoc, effect: RealWorld,
	method: http.MethodPost, path: "/byok",
	params: []param{
		byokProvider,
		str("api_key", "The provider API key, exactly as the user gives it (e.g. sk-… for OpenAI, re_… "+
			"for Resend; a service-account JSON for google_vertex). It replaces any stored key.").req(),
	},
	check: func(args map[string]any) error {
		return checkSecret("api_key", args["api_key"].(string))
	},
	shape:  byokChanged(true),
	output: byokKeysOutput,
}
