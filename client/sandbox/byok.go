package sandbox

import (
	"maps"
	"strings"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// BYOK: provider keys are "stored in a vault"; the sandbox keeps only a
// made-up vault id and never the key.

func (org *Organization) byokKeys() map[string]any {
	keys := map[string]any{}
	for _, p := range catalog.BYOKProviders {
		keys[p+"_secret_id"] = orNil(org.byok[p])
	}
	return keys
}

func (s *Server) getBYOK(c *req) (answer, *failure) {
	return ok(wrap("byok_keys", c.org.byokKeys())), nil
}

func (s *Server) addBYOK(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	provider := b.enum("provider", true, catalog.BYOKProviders)
	b.str("api_key", true)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	c.org.byok[provider] = "vault-" + s.ids.uuid()
	return ok(map[string]any{"success": true, "byok_keys": c.org.byokKeys()}), nil
}

// deleteBYOK removes a provider's key, named in a JSON body.
func (s *Server) deleteBYOK(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	provider := b.enum("provider", true, catalog.BYOKProviders)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if c.org.byok[provider] == "" {
		return answer{}, notFound("BYOK key for " + provider)
	}
	delete(c.org.byok, provider)
	return ok(map[string]any{"success": true, "byok_keys": c.org.byokKeys()}), nil
}

// setBYOKConfig merges settings into a provider's stored ones; the
// provider needs a key first.
func (s *Server) setBYOKConfig(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	provider := b.enum("provider", true, catalog.BYOKProviders)
	settings := b.object("config", true)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if c.org.byok[provider] == "" {
		return answer{}, badRequest("provider", "No API key stored for %s; add one with POST /byok first", provider)
	}
	if c.org.byokConfig[provider] == nil {
		c.org.byokConfig[provider] = map[string]any{}
	}
	maps.Copy(c.org.byokConfig[provider], settings.m)
	return ok(wrap("byok_config", c.org.byokConfig)), nil
}

// byokCatalog answers the legacy GET /byok/config: the BYOK-capable model
// providers and their models.
func (s *Server) byokCatalog(*req) (answer, *failure) {
	var providers []map[string]any
	for _, kind := range []struct {
		category string
		models   map[string][]string
	}{{"stt", catalog.STTModels}, {"llm", catalog.LLMModels}, {"tts", catalog.TTSModels}} {
		for _, p := range catalog.Providers(kind.models) {
			models := []map[string]any{}
			for i, m := range kind.models[p] {
				models = append(models, map[string]any{"id": m, "name": m, "default": i == 0})
			}
			providers = append(providers, map[string]any{
				"id": p, "name": strings.ToUpper(p[:1]) + strings.ReplaceAll(p[1:], "_", " "), "category": kind.category,
				"docsUrl": "https://doc.voicedock.ai/docs/configuration/providers#" + p, "models": models,
			})
		}
	}
	return ok(wrap("providers", providers)), nil
}
