package tools

import "net/http"

const deleteBYOKKeyDoc = `Remove the user's stored API key for a provider: that provider falls back to ` +
	`the platform's keys, and its usage is billed by the platform again. The key is gone for good; ` +
	`restoring it needs the key again (set_byok_key). Fails when no key is stored for the provider: ` +
	`list_byok_keys shows which have one.`

var deleteBYOKKey = operation{
	name: "delete_byok_key", title: "Delete a provider key", toolset: BYOKSet,
	doc: deleteBYOKKeyDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/byok",
	params:   []param{byokProvider},
	shape:    byokChanged(false),
	output:   byokKeysOutput,
	listedBy: "list_byok_keys",
}
