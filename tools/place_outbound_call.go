package tools

import (
	"errors"
	"net/http"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

const placeOutboundCallDoc = `Place a phone call now: the platform dials destination and an assistant ` +
	`talks to whoever answers. This rings a real person and is billed per minute (€0.07 platform fee ` +
	`plus model usage, up to the assistant's max_duration_seconds); get_account_information shows the ` +
	`balance. Choose the assistant with assistant_id (from list_assistants), optionally with ` +
	`assistant_override for this call, or give a one-off assistant. number_id (from list_numbers) is the ` +
	`caller ID; without it the platform picks one of your numbers. Returns the call_id: follow the call ` +
	`with get_call and steer it with control_call. The request is never repeated automatically: if the ` +
	`result says the outcome is unknown, check list_calls before trying again.`

var placeOutboundCall = operation{
	name: "place_outbound_call", title: "Place an outbound call", toolset: CallsSet,
	doc: placeOutboundCallDoc, effect: RealWorld,
	method: http.MethodPost, path: "/calls/outbound",
	params: []param{
		phone("destination", "Number to call, in E.164 form, e.g. +31612345678.").req(),
		str("assistant_id", "Saved assistant to use, from list_assistants."),
		assistantOverride,
		transientAssistant,
		str("number_id", "Your number to call from (caller ID), from list_numbers."),
		str("first_message", "Opening line for this call, instead of the assistant's."),
	},
	check:    checkAssistantChoice,
	ask:      askOutboundCall,
	policy:   outboundCallPolicy,
	dials:    true,
	output:   actionOutput(field{"success", "boolean"}, field{"call_id", "string"}, field{"status", "string"}),
	listedBy: "list_assistants (assistant_id) or list_numbers (number_id)",
}

// checkAssistantChoice applies the documented rule for choosing a call's
// assistant: a saved one (assistant_id, optionally with an override) or a
// one-off one (assistant), never both and never neither.
func checkAssistantChoice(args map[string]any) error {
	_, saved := args["assistant_id"]
	transient, oneOff := args["assistant"].(map[string]any)
	_, override := args["assistant_override"]
	switch {
	case saved && oneOff:
		return errors.New("invalid arguments: give assistant_id or assistant, not both")
	case override && !saved:
		return errors.New("invalid arguments: assistant_override changes a saved assistant, so it needs " +
			"assistant_id")
	case !saved && !oneOff:
		return errors.New("invalid arguments: choose the assistant: assistant_id (from list_assistants) " +
			"or a one-off assistant object")
	case oneOff:
		llm, _ := transient["llm_config"].(map[string]any)
		provider, _ := llm["provider"].(string)
		if !catalog.IsRealtime(provider) && (transient["stt_config"] == nil || transient["tts_config"] == nil) {
			return errors.New("invalid arguments: assistant: " + provider + " is a text LLM, so the " +
				"one-off assistant also needs stt_config and tts_config (realtime providers need neither)")
		}
		return checkAssistantConfig("assistant.", transient)
	}
	return nil
}
