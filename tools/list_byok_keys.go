package tools

import "net/http"

const listBYOKKeysDoc = `Show which providers have the user's own API key stored (bring your own key): ` +
	`configured.<provider> is true when a key is stored. Keys themselves are never shown. A provider with ` +
	`a key bills the user directly for its usage and the platform charges only its per-minute fee; one ` +
	`without falls back to the platform's keys. Use it before set_byok_key, delete_byok_key or ` +
	`update_byok_config.`

var listBYOKKeys = operation{
	name: "list_byok_keys", title: "List stored provider keys", toolset: BYOKSet,
	doc: listBYOKKeysDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/byok",
	shape:  byokConfigured,
	output: byokKeysOutput,
}
