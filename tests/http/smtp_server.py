"""A real SMTP server for tests (aiosmtpd): keeps every message in a
Maildir, optionally taking `delay` seconds per message.

    python3 smtp_server.py PORT MAILDIR [DELAY]
"""

import asyncio
import mailbox
import signal
import sys

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, maildir, delay):
        self.box = mailbox.Maildir(maildir, create=True)
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.box.add(envelope.original_content or envelope.content)
        return "250 OK"


def main():
    port, maildir = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    ctl = Controller(Keep(maildir, delay), hostname="127.0.0.1", port=port)
    ctl.start()
    stop = []
    signal.signal(signal.SIGTERM, lambda *a: stop.append(1))
    signal.signal(signal.SIGINT, lambda *a: stop.append(1))
    while not stop:
        signal.pause()
    ctl.stop()


if __name__ == "__main__":
    main()
