/*
 * The least any server can do for the echo benchmark: one thread, epoll, read what a socket has
 * and write it straight back. echo-ceiling.py runs it beside lem and Node to show how many
 * round trips per second the benchmark's Node client allows on this machine, whatever the
 * server. With a second argument of 1 it polls without ever blocking (as lem does while I/O
 * keeps arriving), otherwise it blocks in epoll_wait.
 *
 * usage: echo-ceiling PORT [BUSY_POLL]   (listens on 127.0.0.1; runs until killed)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
	if (argc < 2) {
		fprintf(stderr, "usage: %s PORT [BUSY_POLL]\n", argv[0]);
		return 2;
	}
	int busy = argc > 2 && atoi(argv[2]) != 0, one = 1;
	int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])),
	                           .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	if (bind(listener, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(listener, 511) != 0) {
		perror("echo-ceiling");
		return 1;
	}
	int ep = epoll_create1(0);
	struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
	epoll_ctl(ep, EPOLL_CTL_ADD, listener, &event);
	struct epoll_event ready[256];
	static char buffer[65536];
	for (;;) {
		int n = epoll_wait(ep, ready, 256, busy ? 0 : -1);
		for (int i = 0; i < n; i++) {
			int fd = ready[i].data.fd;
			if (fd == listener) {
				int client;
				while ((client = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
					setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
					struct epoll_event e = {.events = EPOLLIN, .data.fd = client};
					epoll_ctl(ep, EPOLL_CTL_ADD, client, &e);
				}
				continue;
			}
			ssize_t got = read(fd, buffer, sizeof buffer);
			if (got < 0 && errno == EAGAIN) {
				continue;
			}
			if (got <= 0 || write(fd, buffer, got) != got) {
				close(fd); /* the peer left, or would need buffering this server does not do */
			}
		}
	}
}
