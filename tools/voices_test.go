package tools

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/voicedock/voicedock-mcp/client"
)

// voiceIDs returns the IDs of a list_voices result.
func voiceIDs(out map[string]any) []string {
	var ids []string
	for _, v := range out["voices"].([]any) {
		ids = append(ids, v.(map[string]any)["id"].(string))
	}
	return ids
}

func TestListVoices(t *testing.T) {
	runSandboxCalls(t, []sandboxCall{
		{name: "all", tool: "list_voices",
			wantText: []string{`"id":"nl_NL-pim-medium"`, `"name":"Pim"`, `"language":"nl"`, `"en":"Pim (Dutch, male)"`},
			after: func(t *testing.T, _ *client.Client, log *sentLog, out map[string]any) {
				assert.Equal(t, out["total"], out["count"], "every sandbox voice fits the default page")
				assert.Empty(t, log.last(t, http.MethodGet, "/voices").query, "the tool pages and filters")
			}},
		{name: "one language", tool: "list_voices", args: map[string]any{"language": "nl"},
			after: func(t *testing.T, _ *client.Client, log *sentLog, out map[string]any) {
				assert.ElementsMatch(t, []string{"nl_NL-pim-medium", "nl_NL-ronnie-medium", "nl_NL-mls-medium",
					"nl_BE-nathalie-medium", "nl_BE-rdh-medium"}, voiceIDs(out))
				assert.EqualValues(t, 5, out["total"])
				assert.Empty(t, log.last(t, http.MethodGet, "/voices").query, "language is the tool's")
			}},
		{name: "one region", tool: "list_voices", args: map[string]any{"language": "en-GB"},
			after: func(t *testing.T, _ *client.Client, _ *sentLog, out map[string]any) {
				assert.ElementsMatch(t, []string{"en_GB-alba-medium", "en_GB-northern_english_male-medium"}, voiceIDs(out))
			}},
		{name: "region with underscore and capitals", tool: "list_voices", args: map[string]any{"language": "NL_be"},
			after: func(t *testing.T, _ *client.Client, _ *sentLog, out map[string]any) {
				assert.ElementsMatch(t, []string{"nl_BE-nathalie-medium", "nl_BE-rdh-medium"}, voiceIDs(out))
			}},
		{name: "language with no voices", tool: "list_voices", args: map[string]any{"language": "ja"},
			wantText: []string{`"voices":[]`, `"count":0`, `"total":0`, `"has_more":false`}},
		{name: "pages the filtered list", tool: "list_voices", args: map[string]any{"language": "en", "limit": 2},
			wantText: []string{`"count":2`, `"total":5`, `"has_more":true`, `"next_offset":2`}},
		{name: "last page", tool: "list_voices", args: map[string]any{"language": "en", "limit": 2, "offset": 4},
			wantText: []string{`"count":1`, `"has_more":false`}},
		{name: "bad language", tool: "list_voices", args: map[string]any{"language": "Dutch!"}, wantError: true,
			wantText: []string{`language: "Dutch!" is not in a language code like nl, en or en-GB`}},
		{name: "bad limit", tool: "list_voices", args: map[string]any{"limit": 5000}, wantError: true,
			wantText: []string{"limit: must be at most 1000"}},
	})
}

func TestSpeaks(t *testing.T) {
	tests := []struct {
		voice map[string]any
		lang  string
		want  bool
	}{
		{map[string]any{"id": "en_US-amy-medium", "language": "en"}, "en", true},
		{map[string]any{"id": "en_US-amy-medium", "language": "en"}, "en-US", true},
		{map[string]any{"id": "en_US-amy-medium", "language": "en"}, "en-GB", false},
		{map[string]any{"id": "en_US-amy-medium", "language": "en"}, "e", false},
		{map[string]any{"id": "amy", "language": "en-US"}, "en", true},
		{map[string]any{"id": "amy", "language": "en-US"}, "en_us", true},
		{map[string]any{"id": "de_DE-thorsten-high"}, "de", true},
		{map[string]any{"id": "de_DE-thorsten-high"}, "da", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, voiceSpeaks(tc.voice, tc.lang), "%v in %s", tc.voice, tc.lang)
	}
}
