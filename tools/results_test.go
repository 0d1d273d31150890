package tools

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestTruncateRunesNeverSplitsACharacter(t *testing.T) {
	s := strings.Repeat("Zoë 🦷 ", 50)
	for n := range 60 {
		got := truncateRunes(s, n)
		assert.True(t, utf8.ValidString(got))
		assert.Equal(t, min(n, utf8.RuneCountInString(s)), utf8.RuneCountInString(got))
	}
}

func TestFitValueBoundsAnyAnswer(t *testing.T) {
	huge := map[string]any{"transcript": strings.Repeat("ü", 200_000),
		"items": make([]any, 5000)}
	for i := range 5000 {
		huge["items"].([]any)[i] = map[string]any{"text": strings.Repeat("x", 100)}
	}
	got := fitValue(huge)
	assert.LessOrEqual(t, encodedSize(got), maxResultBytes)
	raw, _ := json.Marshal(got)
	assert.True(t, utf8.Valid(raw))
	assert.Contains(t, string(raw), "[cut:")
}

func TestFitListKeepsWholeItemsAndSaysWhereToGoOn(t *testing.T) {
	items := make([]any, 300)
	for i := range items {
		items[i] = map[string]any{"id": i, "text": strings.Repeat("y", 1000)}
	}
	out := fitList(listResult("calls", items, 40, 1000), "calls")
	assert.LessOrEqual(t, encodedSize(out), maxResultBytes)
	kept := len(out["calls"].([]any))
	assert.Less(t, kept, 300)
	assert.Equal(t, kept, out["count"])
	assert.Equal(t, true, out["has_more"])
	assert.Equal(t, 40+kept, out["next_offset"])
}

// TestNoResultExceedsTheBound asks every read tool without required
// arguments for its largest page of the seeded demo data.
func TestNoResultExceedsTheBound(t *testing.T) {
	sb := sandbox.New(sandbox.Options{RateLimit: 10_000})
	c := newSandboxClient(t, sb, sandbox.DemoKey, func(o *client.Options) { o.RateLimit = 10_000 })
	for _, tool := range All(c, apiOnly) {
		if tool.Effect != Read || strings.Contains(string(tool.Tool.RawInputSchema), `"required"`) ||
			tool.Tool.Name == "list_resend_domains" { // needs a Resend key the demo has not stored
			continue
		}
		t.Run(tool.Tool.Name, func(t *testing.T) {
			args := map[string]any{}
			if strings.Contains(string(tool.Tool.RawInputSchema), `"limit"`) {
				var schema struct {
					Properties map[string]struct {
						Maximum float64 `json:"maximum"`
					} `json:"properties"`
				}
				require.NoError(t, json.Unmarshal(tool.Tool.RawInputSchema, &schema))
				args["limit"] = schema.Properties["limit"].Maximum
			}
			res := callTool(t, tool.ServerTool, args)
			require.False(t, res.IsError, resultText(t, res))
			assert.LessOrEqual(t, len(resultText(t, res)), maxResultBytes)
			assertMatchesOutputSchema(t, tool.Tool, res)
		})
	}
}

func TestFitValueCutsObjectsWithManyKeysAndCountsFromTheOriginal(t *testing.T) {
	config := map[string]any{}
	for i := range 20_000 {
		config[fmt.Sprintf("k%05d", i)] = i
	}
	long := strings.Repeat("€", 50_000)
	got := fitValue(map[string]any{"assistant": map[string]any{"speech_config": config, "first_message": long}})
	raw, err := json.Marshal(got)
	require.NoError(t, err)
	assert.LessOrEqual(t, len(raw), maxResultBytes)
	assert.Contains(t, string(raw), "more keys")
	assert.Regexp(t, `cut: (4[0-9]{4}) more characters`, string(raw), "counted against the original 50,000")
	assert.Contains(t, got, "assistant", "top-level keys stay")
}

func TestFitValueKeepsTheIDNextToADeepValue(t *testing.T) {
	deep := any("bottom")
	for range 1200 {
		deep = map[string]any{strings.Repeat("k", 40): deep}
	}
	got := fitValue(map[string]any{"assistant": map[string]any{"id": "a-1", "name": "Deep", "analysis_plan": deep}})
	assert.LessOrEqual(t, encodedSize(got), maxResultBytes)
	assistant := got.(map[string]any)["assistant"].(map[string]any)
	assert.Equal(t, "a-1", assistant["id"])
	assert.Equal(t, "Deep", assistant["name"])
	raw, _ := json.Marshal(got)
	assert.Contains(t, string(raw), "nested too deep")
}
