package tools

import (
	"errors"
	"net/http"
)

const updateBYOKConfigDoc = `Save provider-specific settings that go with the user's own key for a ` +
	`provider. The settings are merged into the ones stored: keys given replace theirs, others stay. A ` +
	`key for the provider must be stored first (list_byok_keys shows which have one; set_byok_key adds ` +
	`one). Which settings each provider takes is not documented: use only names the user gives. Returns ` +
	`the stored settings of every provider.`

var updateBYOKConfig = operation{
	name: "update_byok_config", title: "Update provider key settings", toolset: BYOKSet,
	doc: updateBYOKConfigDoc, effect: Write, idempotent: true,
	method: http.MethodPost, path: "/byok/config",
	params: []param{
		byokProvider,
		object("config", "Settings to merge into the provider's stored ones, as the user gives them, "+
			"e.g. {\"region\": \"eu\"}.").req(),
	},
	check: func(args map[string]any) error {
		if m, _ := args["config"].(map[string]any); len(m) == 0 {
			return errors.New("config: give at least one setting")
		}
		return nil
	},
	shape:  byokSettings,
	output: objectOutput("byok_config"),
}

// byokSettings shapes the answer to a settings change: the stored
// settings of every provider under byok_config, or, when the API answers
// only {"success":true}, what was sent for this provider.
func byokSettings(body any, args map[string]any) (any, error) {
	if settings, ok := unwrap(body, "byok_config").(map[string]any); ok && settings["success"] == nil {
		return fitValue(map[string]any{"byok_config": prune(settings)}), nil
	}
	provider, _ := args["provider"].(string)
	return map[string]any{"byok_config": map[string]any{provider: args["config"]}}, nil
}
