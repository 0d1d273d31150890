package tools

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeArgs(t *testing.T) {
	params := []param{
		integer("limit", "Page size.").between(1, 1000),
		number("temperature", "Sampling.").between(0, 2),
		boolean("active", "On or off."),
		str("kind", "Kind.").oneOf("a", "b"),
		phone("destination", "Number."),
		str("workflow_id", "Workflow.").orNull(),
		array("emails", "Up to two.", str("email", "Address.")).upTo(2),
		object("config", "Block.", str("provider", "Provider.").req()),
	}
	tests := []struct {
		name    string
		args    map[string]any
		want    map[string]any
		wantErr []string
	}{
		{name: "numeric strings become numbers", args: map[string]any{"limit": "50", "temperature": "0.5",
			"active": "true"}, want: map[string]any{"limit": int64(50), "temperature": 0.5, "active": true}},
		{name: "a fraction is no integer", args: map[string]any{"limit": 50.5},
			wantErr: []string{"limit: must be a whole number, got 50.5"}},
		{name: "bounds", args: map[string]any{"limit": 0, "temperature": 2.5},
			wantErr: []string{"limit: must be at least 1, got 0", "temperature: must be at most 2, got 2.5"}},
		{name: "not a number", args: map[string]any{"limit": "fifty"},
			wantErr: []string{`limit: must be a number, got "fifty"`}},
		{name: "enum", args: map[string]any{"kind": "c"}, wantErr: []string{`kind: "c" is not one of a, b`}},
		{name: "E.164", args: map[string]any{"destination": "+31 6 1234 5678"},
			wantErr: []string{`destination: "+31 6 1234 5678" is not in E.164 form`}},
		{name: "null and empty detach", args: map[string]any{"workflow_id": ""},
			want: map[string]any{"workflow_id": nil}},
		{name: "null is kept for nullable", args: map[string]any{"workflow_id": nil},
			want: map[string]any{"workflow_id": nil}},
		{name: "too many items", args: map[string]any{"emails": []any{"a", "b", "c"}},
			wantErr: []string{"emails: has 3 items; at most 2 are allowed"}},
		{name: "nested required and type", args: map[string]any{"config": map[string]any{"model": 3}},
			wantErr: []string{"config.provider: is required"}},
		{name: "wrong type", args: map[string]any{"active": 1.0, "config": "x"},
			wantErr: []string{"active: must be true or false, got the number 1", "config: must be a JSON object"}},
		{name: "extras in objects pass through", args: map[string]any{"config": map[string]any{
			"provider": "deepgram", "smart_format": true}},
			want: map[string]any{"config": map[string]any{"provider": "deepgram", "smart_format": true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeArgs(params, tc.args)
			if len(tc.wantErr) > 0 {
				require.Error(t, err)
				for _, w := range tc.wantErr {
					assert.Contains(t, err.Error(), w)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestANullInsideAnObjectIsNotSent(t *testing.T) {
	params := []param{object("llm_config", "Block.", str("provider", "P.").req(),
		number("temperature", "T."), str("voice", "V.").orNull())}
	got, err := decodeArgs(params, map[string]any{"llm_config": map[string]any{
		"provider": "openai", "temperature": nil, "voice": nil, "extra": nil}})
	require.NoError(t, err)
	block := got["llm_config"].(map[string]any)
	assert.NotContains(t, block, "temperature", "null for a field that takes none is left out")
	assert.Contains(t, block, "voice", "null clears a nullable one")
	assert.Nil(t, block["voice"])
	assert.Contains(t, block, "extra", "undeclared extras pass through as given")
}

func TestIDsThatCannotBeOne(t *testing.T) {
	params := []param{str("call_id", "Call.").inPath(), str("number_id", "Number.")}
	for _, tc := range []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"call_id": "../calls"}, "cannot be an ID"},
		{map[string]any{"call_id": "a\\b"}, "cannot be an ID"},
		{map[string]any{"call_id": "\uFFFD"}, "cannot be an ID"},
		{map[string]any{"call_id": "x", "number_id": "a\nb"}, "number_id"},
		{map[string]any{"call_id": "x", "number_id": strings.Repeat("9", 300)}, "too long to be an ID"},
	} {
		_, err := decodeArgs(params, tc.args)
		require.Error(t, err, "%v", tc.args)
		assert.Contains(t, err.Error(), tc.want)
	}
	got, err := decodeArgs(params, map[string]any{"call_id": "call-_+31612345678_XqaQxRRgAzYc"})
	require.NoError(t, err)
	assert.Equal(t, "call-_+31612345678_XqaQxRRgAzYc", got["call_id"])
}
