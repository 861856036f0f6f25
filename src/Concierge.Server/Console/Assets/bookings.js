// Bookings: a day's slots per service (capacity, used, free) and the bookings on that day; a
// booking's detail, and cancelling it (asked twice: a slip of the finger must not cancel a guest).
import { api, query, segment } from './api.js';
import { badge, button, element, facts, field, input, paragraph, problemText, section, table, today, viewHeading, when } from './ui.js';

export async function bookingsView(main, params) {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : today();
  const [{ services }, { bookings }] = await Promise.all([api('/api/v1/services'), api(`/api/v1/bookings${query({ date })}`)]);
  const slots = await Promise.all(services.map((s) => api(`/api/v1/availability${query({ service: s.key, date })}`).catch((error) => ({ error, service: s.key }))));

  const picker = element('form', 'inline');
  const day = input('date', { value: date, required: true });
  picker.append(field('Day', day, { name: 'date' }), button('Show'));
  picker.addEventListener('submit', (event) => {
    event.preventDefault();
    if (day.value) location.hash = `#/bookings${query({ date: day.value })}`;
  });

  const detail = element('div');
  detail.setAttribute('aria-live', 'polite');
  const calendar = services.map((service, i) => {
    const availability = slots[i];
    if (availability.error) return section(service.name, element('p', 'problem', problemText(availability.error)));
    const open = availability.slots.filter((s) => s.status !== 'outside_hours');
    return section(`${service.name} (${availability.unit})`,
      availability.closed ? element('p', 'muted', 'Closed on this day.') : table(`Slots of ${service.name} on ${date} (${availability.time_zone})`, [
        ['Time', (s) => s.local_time],
        ['Capacity', (s) => s.capacity],
        ['Booked', (s) => s.used],
        ['Free', (s) => s.free],
        ['Status', (s) => s.status.replace(/_/g, ' ')],
      ], open, 'No slot on this day.'));
  });

  const list = table(`Bookings on ${date}`, [
    ['Time', (b) => when(b.start).slice(11, 16)],
    ['Service', (b) => b.service_name],
    ['Name', (b) => b.name],
    ['Party', (b) => b.party_size],
    ['Status', (b) => badge(b.status, b.status)],
    ['', (b) => {
      const open = button('Details', () => showBooking(detail, b.id));
      open.setAttribute('aria-label', `Details of ${b.name}'s booking at ${when(b.start).slice(11, 16)}`);
      return open;
    }],
  ], bookings, 'No booking on this day.');

  main.append(viewHeading('Bookings'), picker, section('Bookings of the day', list, detail), ...calendar);
}

async function showBooking(detail, id) {
  const booking = await api(`/api/v1/bookings/${segment(id)}`);
  const box = section('Booking', facts([
    ['Service', booking.service_name],
    ['Starts', when(booking.start)],
    ['Ends', when(booking.end)],
    ['Party', booking.party_size],
    ['Name', booking.name],
    ['Contact', booking.contact],
    ['Customer', booking.customer_id],
    ['Status', badge(booking.status, booking.status)],
    ['Booked at', when(booking.created_at)],
  ]));
  if (booking.session_id) {
    const link = element('a', null, 'Open the conversation that made it');
    link.href = `#/conversations/${segment(booking.session_id)}`;
    box.append(paragraph(link));
  }
  const result = element('p', 'problem');
  result.setAttribute('role', 'alert');
  if (booking.status === 'booked') {
    const actions = element('p');
    const ask = button('Cancel this booking', () => {
      const sure = button('Yes, cancel it', async () => {
        sure.disabled = true;
        try {
          await api(`/api/v1/bookings/${segment(id)}/cancel`, { method: 'POST' });
          window.dispatchEvent(new HashChangeEvent('hashchange'));
        } catch (error) {
          result.textContent = problemText(error);
          sure.disabled = false;
        }
      }, 'danger');
      const keep = button('Keep it', () => actions.replaceChildren(ask), 'secondary');
      actions.replaceChildren(element('span', null, 'Cancel this booking and its reminders? '), sure, ' ', keep);
      sure.focus();
    }, 'danger');
    actions.append(ask);
    box.append(actions);
  }
  box.append(result);
  detail.replaceChildren(box);
  box.querySelector('h2').tabIndex = -1;
  box.querySelector('h2').focus();
}
