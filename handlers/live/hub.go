// Package live carries a live article's new entries to the readers who have
// it open, over Server-Sent Events: an in-process hub fans one encoded
// message out to every subscriber, and the stream handler writes it.
package live

import (
	"bytes"
	"strconv"
	"sync"
)

// Message is one encoded Server-Sent Event, shared by every subscriber.
// ID is the entry id it carries as its event id, 0 for an event without
// one (an edit or removal), which leaves the reader's last id alone.
type Message struct {
	ID    int64
	Bytes []byte
}

// Encode frames an event: its id (when not 0), its type and its data,
// one data line per line of data.
func Encode(id int64, event string, data []byte) Message {
	var b bytes.Buffer
	if id != 0 {
		b.WriteString("id: ")
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte('\n')
	}
	if event != "" {
		b.WriteString("event: ")
		b.WriteString(event)
		b.WriteByte('\n')
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		b.WriteString("data: ")
		b.Write(bytes.TrimSuffix(line, []byte("\r")))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return Message{ID: id, Bytes: b.Bytes()}
}

// subBuffer is how many messages a subscriber may fall behind before it
// is dropped; its reader reconnects and catches up from its last id.
const subBuffer = 32

// Sub is one open stream's subscription to an article's messages. C is
// closed when the subscriber is dropped or the hub closes.
type Sub struct {
	C     <-chan Message
	c     chan Message
	topic int64
}

// Hub fans messages out to the subscribers of each article. Sending never
// blocks: a subscriber whose buffer is full is dropped.
type Hub struct {
	mu     sync.RWMutex
	topics map[int64]map[*Sub]struct{}
	closed bool
	done   chan struct{}
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{topics: map[int64]map[*Sub]struct{}{}, done: make(chan struct{})}
}

// Subscribe adds a subscriber to topic (an article id); false once the hub
// is closed.
func (h *Hub) Subscribe(topic int64) (*Sub, bool) {
	c := make(chan Message, subBuffer)
	s := &Sub{C: c, c: c, topic: topic}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	if h.topics[topic] == nil {
		h.topics[topic] = map[*Sub]struct{}{}
	}
	h.topics[topic][s] = struct{}{}
	return s, true
}

// Unsubscribe removes s; it is safe to call after s was dropped.
func (h *Hub) Unsubscribe(s *Sub) {
	h.mu.Lock()
	h.remove(s)
	h.mu.Unlock()
}

// remove deletes s and closes its channel, once; h.mu is held.
func (h *Hub) remove(s *Sub) {
	subs := h.topics[s.topic]
	if _, ok := subs[s]; !ok {
		return
	}
	delete(subs, s)
	if len(subs) == 0 {
		delete(h.topics, s.topic)
	}
	close(s.c)
}

// Publish hands m to every subscriber of topic and reports how many took
// it and how many were dropped for being too far behind.
func (h *Hub) Publish(topic int64, m Message) (sent, dropped int) {
	var slow []*Sub
	h.mu.RLock()
	for s := range h.topics[topic] {
		select {
		case s.c <- m:
			sent++
		default:
			slow = append(slow, s)
		}
	}
	h.mu.RUnlock()
	if len(slow) > 0 {
		h.mu.Lock()
		for _, s := range slow {
			h.remove(s)
		}
		h.mu.Unlock()
	}
	return sent, len(slow)
}

// CloseTopic ends every subscription to topic (its coverage ended); the
// readers' browsers reconnect and are told the stream is over.
func (h *Hub) CloseTopic(topic int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.topics[topic] {
		h.remove(s)
	}
}

// Subscribers counts the open subscriptions to topic.
func (h *Hub) Subscribers(topic int64) int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return len(h.topics[topic])
}

// Done is closed when the hub closes.
func (h *Hub) Done() <-chan struct{} { return h.done }

// Close ends every subscription, so that open streams finish and the
// server can shut down; later subscriptions are refused.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	for _, subs := range h.topics {
		for s := range subs {
			h.remove(s)
		}
	}
	close(h.done)
}
