package sandbox

import (
	"encoding/json"
	"time"
)

// Seeded IDs of the demo organization (DemoKey), for tests that need a
// known resource.
const (
	// FrontDeskAssistantID is "Front desk": openai pipeline with Deepgram
	// and ElevenLabs, an analysis plan and an MCP tool.
	FrontDeskAssistantID = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
	// CallbackAssistantID is "Rückruf-Assistent Zoë": mistral with Gladia
	// and Inworld.
	CallbackAssistantID = "2b1e3b65-2c04-4fa2-a2d7-467901e98978"
	// RealtimeAssistantID is "Nachtdienst Grok", an xai_realtime assistant.
	RealtimeAssistantID = "8d4c2f7a-91b3-4e6d-a5c8-3f2e1d0c9b8a"
	// InactiveAssistantID is "Old IVR", an inactive Google pipeline.
	InactiveAssistantID = "c5a9e3d1-7b2f-4c8e-9d6a-1e0f2b3c4d5e"
	// DutchNumberID is +31850001234, answered by Front desk, with the trunk.
	DutchNumberID = "6a1c1f0e-2b7d-4c1e-9a55-0f3a0c9d1e11"
	// GermanNumberID is +4930120045678, answered by Zoë through the
	// workflow.
	GermanNumberID = "7b2d2a1f-3c8e-4d2f-8b66-1a4b1dae2f22"
	// SpareNumberID is +31970102030, with no assistant.
	SpareNumberID = "8c3e3b2a-4d9f-4e3a-9c77-2b5c2ebf3a33"
	// TrunkID is the SIP trunk "Office PBX".
	TrunkID = "0c0ffee0-1111-4222-8333-444455556666"
	// WorkflowID is the workflow "Reception", used by the German number.
	WorkflowID = "1f0e0d0c-2b3a-4c5d-8e6f-7a8b9c0d1e2f"
	// MCPServerID is the MCP server "CRM tools", used by Front desk.
	MCPServerID = "5e5e5e5e-aaaa-4bbb-8ccc-dddddddddddd"
	// CampaignID is the draft campaign "Terminerinnerung Dezember".
	CampaignID = "a1b2c3d4-e5f6-4789-8abc-def012345678"
	// LiveCallID is an inbound call to Front desk that is in progress from
	// the moment the sandbox starts, for an hour.
	LiveCallID = "call-_+31687654321_LiVeNoWcAlL1"
	// LongCallID is an ended call with a transcript of 420 messages, over
	// 100 KB of text.
	LongCallID = "call-_+4915112345678_LoNgTrAnScRi"
	// ExampleCallID is an ended inbound call in the id format of the
	// reference.
	ExampleCallID = "call-_+31612345678_XqaQxRRgAzYc"
)

// seedDate is the fixed moment the seeded call history leads up to.
var seedDate = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

// seed creates the organizations, keys and demo data; now is when the
// live call is answered.
func (s *Server) seed(now time.Time) {
	created := time.Date(2026, 1, 12, 9, 30, 0, 0, time.UTC)
	demo := newOrganization("7c0e6f1e-3b9a-4c47-9a51-2f1d8e4b6a10", "Acme Dental Group", created)
	demo.Email, demo.HasLocalModelsAccess = "ops@acme-dental.example", true
	child := newOrganization("b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "Zahnarztpraxis Müller", created.Add(48*time.Hour))
	child.ParentOrgID = demo.ID
	demo.children = []*Organization{child}
	other := newOrganization("e8d7c6b5-a4f3-4e2d-9c1b-0a9f8e7d6c5b", "Björk & Søn Logistik", created)
	other.Email = "it@bjork-son.example"

	s.orgs = map[string]*Organization{demo.ID: demo, child.ID: child, other.ID: other}
	s.keys = map[string]keyRecord{
		DemoKey:      {org: demo, state: keyValid},
		OtherKey:     {org: other, state: keyValid},
		BrokeKey:     {org: child, state: keyValid},
		ExpiredKey:   {org: demo, state: keyExpired},
		RevokedKey:   {org: demo, state: keyRevoked},
		ForbiddenKey: {org: demo, state: keyForbidden},
	}
	s.seedDemo(demo, now)
	seedSmall(other, "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a", "Lager-Assistent", "+46812345678", s)
	seedSmall(child, "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b", "Empfang Müller", "+4989123456", nil)
	// The seeded history is billed as it is made; the balances are set
	// afterwards to round figures.
	demo.MinutesBalance, demo.MonthlyUsageMinutes = 1234.5, 318.25
	other.MinutesBalance, other.MonthlyUsageMinutes = 42, 7
}

func (s *Server) seedDemo(org *Organization, now time.Time) {
	at := seedDate.AddDate(0, -2, 0)
	addAssistant(org, FrontDeskAssistantID, at, `{"name":"Front desk","business_name":"Acme Dental Amsterdam",
		"first_message":"Good morning, Acme Dental, you're speaking with the digital assistant. How can I help?",
		"max_duration_seconds":600,"autonomous_silence_handling":true,"webhook_url":"https://hooks.acme-dental.example/voice",
		"webhook_secret":"whsec_sandbox_front","webhook_events":["status-update","end-of-call-report"],
		"notification_emails":["frontdesk@acme-dental.example"],
		"analysis_plan":{"structured_data_plan":{"enabled":true,"schema":{"type":"object","properties":{
			"appointment_booked":{"type":"boolean"},"sentiment":{"type":"string","enum":["positive","neutral","negative"]},
			"satisfaction":{"type":"integer"}}},"messages":[{"role":"system","content":"Extract {{schema}}"},
			{"role":"user","content":"{{transcript}}"}]},"min_messages_threshold":2},
		"stt_config":{"provider":"deepgram","model":"nova-3","language":"nl","smart_format":true},
		"llm_config":{"provider":"openai","model":"gpt-5.4-mini","temperature":0.6,
			"messages":[{"role":"system","content":"You answer calls for a dental practice. Be brief and friendly."}],
			"tools":[{"type":"end_call"},{"type":"mcp","mcp_server_id":"`+MCPServerID+`","allowed_tools":["lookup_customer"],"required":false}]},
		"tts_config":{"provider":"elevenlabs","model":"eleven_flash_v2_5","voice_id":"21m00Tcm4TlvDq8ikWAM","stability":0.5}}`)
	addAssistant(org, CallbackAssistantID, at.Add(time.Hour), `{"name":"Rückruf-Assistent Zoë",
		"business_name":"Acme Dental Berlin","first_message":"Hallo, hier ist Zoë von Acme Dental. Sie hatten um Rückruf gebeten?",
		"stt_config":{"provider":"gladia","model":"solaria-1","language":"de","code_switching":true},
		"llm_config":{"provider":"mistral","model":"mistral-medium-latest","temperature":0.4,
			"messages":[{"role":"system","content":"Du rufst Patientinnen und Patienten zurück. Sei höflich und präzise."}]},
		"tts_config":{"provider":"inworld","model":"inworld-tts-2","voice_id":"Hanna","language":"de"}}`)
	addAssistant(org, RealtimeAssistantID, at.Add(2*time.Hour), `{"name":"Nachtdienst Grok","business_name":"Acme Dental",
		"first_message":"Acme Dental night service, how can I help?","max_duration_seconds":300,
		"llm_config":{"provider":"xai_realtime","model":"grok-voice-think-fast-2.0","voice":"eve","temperature":0.8},
		"stt_config":null,"tts_config":null}`)
	addAssistant(org, InactiveAssistantID, at.Add(3*time.Hour), `{"name":"Old IVR","is_active":false,
		"stt_config":{"provider":"google","model":"chirp_3","language":"en"},
		"llm_config":{"provider":"google","model":"gemini-2.5-flash","temperature":0.7},
		"tts_config":{"provider":"google","model":"gemini-2.5-flash-preview-tts","voice_id":"Kore"}}`)

	org.mcpServers.add(MCPServerID, &mcpServer{id: MCPServerID, name: "CRM tools", url: "https://crm.acme-dental.example/mcp",
		transport: "streamable_http", headers: map[string]string{"Authorization": "Bearer sandbox"}, timeout: 20,
		created: at, updated: at})
	org.trunks.add(TrunkID, &trunk{id: TrunkID, name: "Office PBX", provider: "generic", address: "sip.acme-dental.example",
		transport: "tls", username: "acme", created: at})
	org.workflows.add(WorkflowID, newDoc(WorkflowID, decode(`{"name":"Reception","is_active":true,"definition":{
		"version":1,"entry_node":"reception","global_prompt":"Sei kurz und freundlich.",
		"nodes":[{"id":"reception","type":"conversation","instructions":"Begrüße den Anrufer und finde heraus, was er braucht."},
			{"id":"book","type":"tool","tool_name":"book_appointment","first_line":"Einen Moment, ich schaue im Kalender nach."},
			{"id":"goodbye","type":"end","first_line":"Danke für Ihren Anruf, auf Wiederhören."}],
		"edges":[{"from":"reception","to":"book","description":"The caller wants an appointment."},
			{"from":"book","to":"goodbye"},{"from":"reception","to":"goodbye","description":"The caller has what they need."}]}}`), at))
	for _, n := range []*number{
		{id: DutchNumberID, phone: "+31850001234", name: "Hoofdlijn Amsterdam", agentID: FrontDeskAssistantID, trunkID: TrunkID},
		{id: GermanNumberID, phone: "+4930120045678", name: "Praxis Berlin", agentID: CallbackAssistantID, wfID: WorkflowID},
		{id: SpareNumberID, phone: "+31970102030", name: "Spare line"},
	} {
		n.active, n.source, n.created, n.updated = true, "sip", at, at
		org.numbers.add(n.id, n)
	}
	for i, t := range []string{
		`{"name":"Customer lookup","description":"Find a customer by phone number","tool_type":"function",
			"tool_config":{"name":"lookup_customer","description":"Find a customer by phone number",
			"parameters":{"type":"object","properties":{"phone":{"type":"string"}},"required":["phone"]},
			"url":"https://hooks.acme-dental.example/lookup","async":false}}`,
		`{"name":"Hang up","description":null,"tool_type":"end_call","tool_config":{}}`,
		`{"name":"Transfer to reception","description":"Hand the caller to a human","tool_type":"transfer_call",
			"tool_config":{"destinations":[{"type":"number","number":"+31850001299","description":"When the caller asks for a person",
			"message":"Ik verbind u door met de receptie."}]}}`,
	} {
		id := []string{"3f2a9e10-5b6c-4d7e-8f90-112233445566", "4a3b0f21-6c7d-4e8f-9a01-223344556677",
			"5b4c1a32-7d8e-4f90-8b12-334455667788"}[i]
		org.toolTemplates.add(id, newDoc(id, decode(t), at))
	}
	for i, t := range []string{
		`{"name":"Satisfaction","description":"Rate caller satisfaction","system_prompt":"You review phone call transcripts.",
			"user_prompt":"Rate this call. Transcript: {transcript}","schema":{"type":"object","properties":{"satisfied":{"type":"boolean"}}}}`,
		`{"name":"Appointment outcome","description":null,"system_prompt":"You extract appointment data from calls.",
			"user_prompt":"Summary: {summary}\nTranscript: {transcript}","schema":{"type":"object","properties":{
			"appointment_booked":{"type":"boolean"},"date":{"type":"string"}}}}`,
	} {
		id := []string{"550e8400-e29b-41d4-a716-446655440000", "661f9511-f3ac-42e5-b827-557766551111"}[i]
		org.analysisTemplates.add(id, newDoc(id, decode(t), at))
	}
	cp := &campaign{id: CampaignID, name: "Terminerinnerung Dezember", agentID: CallbackAssistantID, status: "draft",
		template: "Du erinnerst {{name}} an den Termin am {{datum}} um {{uhrzeit}}.", start: "09:00:00", end: "17:00:00",
		timezone: "Europe/Berlin", created: at, updated: at}
	for i, l := range []struct{ phone, name, date string }{
		{"+4915123456781", "Zoë Ünal", "3. Dezember"}, {"+4917698765432", "Jörg Straße", "4. Dezember"},
		{"+4916055512340", "Chloé Dvořák", "5. Dezember"},
	} {
		id := []string{"0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a", "1e0d9c8b-7a6f-4e5d-9c3b-2a1f0e9d8c7b",
			"2f1e0d9c-8b7a-4f6e-8d4c-3b2a1f0e9d8c"}[i]
		cp.leads.add(id, &lead{id: id, phone: l.phone, status: "pending", created: at,
			variables: map[string]string{"name": l.name, "datum": l.date, "uhrzeit": "10:30"}})
	}
	org.campaigns.add(cp.id, cp)
	org.byok["deepgram"] = "vault-7f3e9a2c-0b1d-4e5f-8a6b-9c0d1e2f3a4b"
	for i, m := range []struct{ role, content string }{
		{"user", "Hoi! Kan ik morgen om 10:00 langskomen voor een controle?"},
		{"assistant", "Morgen om 10:00 is vrij. Ik heb u ingepland, tot morgen!"},
		{"user", "Top, dank je wel 😊"},
	} {
		id := []string{"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "8b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e",
			"7c6d5e4f-3a2b-4c1d-8e0f-9a8b7c6d5e4f"}[i]
		org.chats.add(id, &chatMessage{id: id, agentID: FrontDeskAssistantID, contactID: "+31612345678", channel: "whatsapp",
			role: m.role, content: m.content, created: seedDate.Add(time.Duration(i-30) * time.Minute),
			metadata: map[string]any{"provider_message_id": "wamid.SANDBOX" + string(rune('A'+i)), "attachments": []any{}}})
	}
	s.seedCalls(org)
	s.seedLiveCall(org, now)
}

// seedSmall gives an organization one assistant and one number, and,
// with s, two ended calls.
func seedSmall(org *Organization, assistantID, name, phone string, s *Server) {
	at := org.CreatedAt.Add(time.Hour)
	a := addAssistant(org, assistantID, at, `{"name":"`+name+`","first_message":"Hej, hur kan jag hjälpa dig?",
		"stt_config":{"provider":"deepgram","model":"nova-3","language":"sv"},
		"llm_config":{"provider":"openai","model":"gpt-5.4-nano"},
		"tts_config":{"provider":"elevenlabs","voice_id":"EXAVITQu4vr4xnSDxMaL"}}`)
	n := &number{id: "f" + assistantID[1:], phone: phone, agentID: a.id, source: "sip", active: true, created: at, updated: at}
	org.numbers.add(n.id, n)
	if s == nil {
		return
	}
	for i, caller := range []string{"+46701234567", "+46709876543"} {
		placed := seedDate.AddDate(0, 0, -3*(i+1))
		s.seedCall(org, historic{id: "call-_" + caller + "_" + []string{"BjOrKsOnCaL1", "BjOrKsOnCaL2"}[i],
			direction: "inbound", caller: caller, assistant: a, number: n, placed: placed,
			lines: scenarios[3].lines, status: "ended", reason: "user_hangup"})
	}
}

// addAssistant adds an assistant from its JSON fields, completed with the
// defaults of a create.
func addAssistant(org *Organization, id string, at time.Time, fields string) *doc {
	a := newDoc(id, completeAssistant(decode(fields)), at)
	org.assistants.add(id, a)
	return a
}

// decode parses seed JSON; the literals are part of the source, so a
// failure is a bug.
func decode(s string) map[string]any {
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		panic("sandbox seed: " + err.Error())
	}
	return m
}
