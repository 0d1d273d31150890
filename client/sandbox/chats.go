package sandbox

import (
	"strings"
	"time"
)

// chatMessage is one stored message of the deprecated chats API.
type chatMessage struct {
	id, agentID, contactID, channel, role, content string
	metadata                                       map[string]any
	created                                        time.Time
}

func viewChat(m *chatMessage) map[string]any {
	return map[string]any{"id": m.id, "agent_id": orNil(m.agentID), "contact_id": m.contactID, "channel": m.channel,
		"role": m.role, "content": m.content, "metadata": m.metadata, "created_at": stamp(m.created)}
}

// contactChats returns a contact's messages, oldest first, filtered by the
// query's channel and agent_id.
func (c *req) contactChats() ([]*chatMessage, *failure) {
	q := c.r.URL.Query()
	contact := q.Get("contact_id")
	if contact == "" {
		return nil, missingField("contact_id")
	}
	var out []*chatMessage
	for _, m := range c.org.chats.all() {
		if m.contactID == contact && (q.Get("channel") == "" || q.Get("channel") == m.channel) &&
			(q.Get("agent_id") == "" || q.Get("agent_id") == m.agentID) {
			out = append(out, m)
		}
	}
	return out, nil
}

// listChats answers newest first, paginated (limit max 500).
func (s *Server) listChats(c *req) (answer, *failure) {
	limit, offset, fail := paging(c, 100, 500)
	if fail != nil {
		return answer{}, fail
	}
	msgs, fail := c.contactChats()
	if fail != nil {
		return answer{}, fail
	}
	newest := make([]*chatMessage, len(msgs))
	for i, m := range msgs {
		newest[len(msgs)-1-i] = m
	}
	return ok(map[string]any{"messages": views(pageOf(newest, limit, offset), viewChat),
		"pagination": pagination(len(msgs), limit, offset)}), nil
}

// chatContext answers the last messages of a contact, oldest first, and a
// transcript of them.
func (s *Server) chatContext(c *req) (answer, *failure) {
	limit, _, fail := paging(c, 50, 200)
	if fail != nil {
		return answer{}, fail
	}
	msgs, fail := c.contactChats()
	if fail != nil {
		return answer{}, fail
	}
	msgs = msgs[max(0, len(msgs)-limit):]
	lines := make([]string, 0, len(msgs))
	for _, m := range msgs {
		lines = append(lines, strings.ToUpper(m.role)+": "+m.content)
	}
	q := c.r.URL.Query()
	return ok(map[string]any{"contact_id": q.Get("contact_id"), "agent_id": orNil(q.Get("agent_id")),
		"messages": views(msgs, viewChat), "formatted": strings.Join(lines, "\n")}), nil
}

// createChat appends one message; the answer is the message itself.
func (s *Server) createChat(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	m := &chatMessage{id: s.ids.uuid(), created: c.now}
	m.contactID = b.str("contact_id", true)
	m.channel = b.str("channel", true)
	m.role = b.enum("role", true, []string{"user", "assistant", "system"})
	m.content = b.str("content", true)
	m.agentID = b.str(b.alias("agent_id", "assistant_id"), false)
	m.metadata = map[string]any{"provider_message_id": nil, "attachments": []any{}}
	if md := b.object("metadata", false); md != nil {
		m.metadata = md.m
	}
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if _, found := c.org.assistants.get(m.agentID); m.agentID != "" && !found {
		return answer{}, notFound("Assistant")
	}
	c.org.chats.add(m.id, m)
	return created(viewChat(m)), nil
}

func (s *Server) deleteChat(c *req) (answer, *failure) {
	id := c.r.PathValue("id")
	if _, found := c.org.chats.get(id); !found {
		return answer{}, notFound("Chat message")
	}
	c.org.chats.remove(id)
	return deleted(), nil
}
