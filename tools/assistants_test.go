package tools

import (
	"testing"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestAssistantTools(t *testing.T) {
	pipeline := map[string]any{
		"name": "Terminbestätigung Zoë", "first_message": "Grüß Gott!",
		"llm_config": map[string]any{"provider": "openai", "model": "gpt-5.4-mini",
			"messages": []any{map[string]any{"role": "system", "content": "Confirm appointments."}}},
		"stt_config": map[string]any{"provider": "deepgram", "model": "nova-3", "language": "de"},
		"tts_config": map[string]any{"provider": "elevenlabs", "voice_id": "EXAVITQu4vr4xnSDxMaL"},
	}
	runToolsetCases(t, []toolsetCase{
		{name: "list pages the seeded assistants", steps: []toolStep{
			{tool: "list_assistants", args: map[string]any{"limit": 2},
				want: []string{`"count":2`, `"has_more":true`, `"next_offset":2`, `"total":4`}},
			{tool: "list_assistants", args: map[string]any{"limit": "2", "offset": 2},
				want: []string{`"has_more":false`, `"offset":2`}, wantNot: []string{"next_offset"}},
		}},
		{name: "create, read back, update, delete", steps: []toolStep{
			{tool: "create_assistant", args: pipeline, save: "assistant",
				want: []string{"Terminbestätigung Zoë", "gpt-5.4-mini"}},
			{tool: "get_assistant", args: map[string]any{"assistant_id": "$assistant"},
				want: []string{"Grüß Gott!", "Confirm appointments."}},
			{tool: "update_assistant", args: map[string]any{"assistant_id": "$assistant",
				"first_message": "Hallo!", "max_duration_seconds": "600"}, want: []string{"Hallo!", "600"}},
			{tool: "get_assistant", args: map[string]any{"assistant_id": "$assistant"},
				want: []string{"Hallo!", "Terminbestätigung Zoë"}, wantNot: []string{"Grüß Gott!"}},
			{tool: "delete_assistant", args: map[string]any{"assistant_id": "$assistant"},
				want: []string{`"success":true`}},
			{tool: "get_assistant", args: map[string]any{"assistant_id": "$assistant"}, wantError: true,
				want: []string{"404", "list_assistants lists the valid ones"}},
		}},
		{name: "realtime assistant needs no stt or tts", steps: []toolStep{
			{tool: "create_assistant", args: map[string]any{"name": "Grok line",
				"llm_config": map[string]any{"provider": "xai_realtime", "model": "grok-voice-think-fast-2.0",
					"voice": "ara"}}, want: []string{"xai_realtime"}},
		}},
		{name: "bad arguments never reach the API", steps: []toolStep{
			{tool: "create_assistant", args: map[string]any{}, wantError: true,
				want: []string{"name: is required"}},
			{tool: "create_assistant", args: map[string]any{"name": "x",
				"llm_config": map[string]any{"provider": "mistral", "model": "gpt-5.4"}}, wantError: true,
				want: []string{`llm_config.model: "gpt-5.4" is not a mistral model; mistral takes mistral-medium-latest`}},
			{tool: "create_assistant", args: map[string]any{"name": "x",
				"llm_config": map[string]any{"provider": "openai_live", "model": "gpt-live-1"},
				"tts_config": map[string]any{"provider": "xai", "voice_id": "ara"}}, wantError: true,
				want: []string{"realtime provider that speaks by itself"}},
			{tool: "create_assistant", args: map[string]any{"name": "x",
				"stt_config": map[string]any{"provider": "deepgram", "model": "nova-3", "language": "klingon"}},
				wantError: true, want: []string{`stt_config.language: "klingon" is not one of multi, nl, en`}},
			{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
				"max_duration_seconds": 50.5}, wantError: true,
				want: []string{"max_duration_seconds: must be a whole number, got 50.5"}},
			{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
				"notification_emails": []any{"a@x.example", "b@x.example", "c@x.example", "d@x.example",
					"e@x.example", "f@x.example"}}, wantError: true,
				want: []string{"notification_emails: has 6 items; at most 5"}},
			{tool: "get_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID},
				want: []string{"Front desk"}, wantNot: []string{"a@x.example"}},
		}},
	})
}
