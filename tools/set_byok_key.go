package tools

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"strings"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/catalog"
)

var setBYOKKeyDoc = fmt.Sprintf(`Store the user's own API key for a provider (bring your own key), `+
	`replacing any key already stored for it. From then on that provider's usage in calls is billed to `+
	`the user's provider account, and the platform charges only its €%.2f per minute fee. Give the key `+
	`one of two ways. api_key_env (safer) names an environment variable of this server that its `+
	`operator set to the key: the key stays out of this conversation. api_key is the key itself: it `+
	`passes through the model's context and the client's logs, so prefer api_key_env, or the dashboard, `+
	`when the user can. The key is stored in a vault and never shown again. list_byok_keys shows which `+
	`providers have a key.`, catalog.OrchestrationEuroPerMinute)

// byokEnvPrefix starts the name of every environment variable set_byok_key
// may read. The model chooses the name, so without it the model could have
// the server send any of its variables (HMS_SOVEREIGN_API_KEY,
// AWS_SECRET_ACCESS_KEY) to the platform.
const byokEnvPrefix = "HMS_SOVEREIGN_BYOK_"

// byokEnvName is the form of a variable set_byok_key may read.
var byokEnvName = regexp.MustCompile(`^` + byokEnvPrefix + `[A-Z0-9_]+$`)

var setBYOKKey = newSetBYOKKey()

// newSetBYOKKey returns set_byok_key; its run sends through the operation
// itself, which a plain declaration could not refer to.
func newSetBYOKKey() operation {
	op := operation{
		name: "set_byok_key", title: "Set a provider key", toolset: BYOKSet,
		doc: setBYOKKeyDoc, effect: RealWorld,
		method: http.MethodPost, path: "/byok",
		params: []param{
			byokProvider,
			str("api_key", "The provider API key itself, exactly as the user gives it (e.g. sk-… for OpenAI, "+
				"re_… for Resend; a service-account JSON for google_vertex). Give this or api_key_env."),
			str("api_key_env", "Name of this server's environment variable holding the key, e.g. "+
				byokEnvPrefix+"OPENAI; only names starting "+byokEnvPrefix+" are read. Give this or api_key.").
				local(),
		},
		check:  checkKeySource,
		shape:  byokChanged(true),
		output: byokKeysOutput,
	}
	// The variable is read from the server's environment (Safety.LookupEnv)
	// just before sending, rather than in check, which judges the arguments
	// alone: the value goes into the request and nowhere else.
	op.run = func(ctx context.Context, c *client.Client, g *guard, args map[string]any) (any, error) {
		name, fromEnv := args["api_key_env"].(string)
		if !fromEnv {
			return op.send(ctx, c, args)
		}
		key, err := byokKeyFromEnv(name, g.LookupEnv)
		if err != nil {
			return nil, err
		}
		withKey := maps.Clone(args)
		withKey["api_key"] = key
		out, err := op.send(ctx, c, withKey)
		return out, hideKey(err, key, name)
	}
	return op
}

// checkKeySource requires exactly one of api_key and api_key_env, a
// usable inline key, and a variable name set_byok_key may read.
func checkKeySource(args map[string]any) error {
	key, inline := args["api_key"].(string)
	name, fromEnv := args["api_key_env"].(string)
	switch {
	case inline && fromEnv:
		return errors.New("invalid arguments: give api_key or api_key_env, not both")
	case inline:
		return checkSecret("api_key", key)
	case !fromEnv:
		return errors.New("invalid arguments: give the key: api_key_env, the name of this server's " +
			"environment variable holding it (safer), or api_key, the key itself")
	case !byokEnvName.MatchString(name):
		return fmt.Errorf("invalid arguments: api_key_env: %q is not a variable this server reads keys "+
			"from; the operator must put the key in a variable named %s<something> (capitals, digits and "+
			"underscores, e.g. %sOPENAI) and restart the server", clip(name), byokEnvPrefix, byokEnvPrefix)
	}
	return nil
}

// byokKeyFromEnv reads the key from the variable name, which checkKeySource
// accepted. Its errors name the variable and never carry the value.
func byokKeyFromEnv(name string, lookupEnv func(string) (string, bool)) (string, error) {
	key, _ := lookupEnv(name)
	if key == "" {
		return "", fmt.Errorf("api_key_env: %s is not set in this server's environment, or is empty; the "+
			"operator must set it to the key and restart the server", name)
	}
	if problem := secretProblem(key); problem != "" {
		return "", fmt.Errorf("api_key_env: the value of %s %s; the operator must correct it and restart "+
			"the server", name, problem)
	}
	return key, nil
}

// hideKey keeps a key read from the environment out of the result should
// the API's error message echo it, naming the variable in its place.
func hideKey(err error, key, name string) error {
	if err == nil || !strings.Contains(Explain(err), key) {
		return err
	}
	return errors.New(strings.ReplaceAll(Explain(err), key, "[the key in "+name+"]"))
}
