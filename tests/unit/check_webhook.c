/*
 * check_webhook.c — unit tests of webhook.c: the Standard Webhooks
 * signature against the specification's published test vector, the
 * secrets it makes, and the destinations a delivery may reach.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <check.h>
#include <sodium.h>

#include "config.h"
#include "webhook.h"

START_TEST(test_signature_vector)
{
	const char	*body = "{\"test\": 2432232314}";
	char		 sig[64];

	ck_assert_int_eq(hook_sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
	    "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, strlen(body), sig), 0);
	ck_assert_str_eq(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	/* a secret that is not one signs nothing */
	ck_assert_int_eq(hook_sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "m", 1, "", 0, sig), -1);
	ck_assert_int_eq(hook_sign("whsec_", "m", 1, "", 0, sig), -1);
	ck_assert_int_eq(hook_sign("whsec_!!!", "m", 1, "", 0, sig), -1);
}
END_TEST

START_TEST(test_secrets)
{
	char	a[HOOK_SECRET_MAX + 1], b[HOOK_SECRET_MAX + 1], sig[64];

	ck_assert_int_eq(hook_secret_new(a), 0);
	ck_assert_int_eq(hook_secret_new(b), 0);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(strncmp(a, "whsec_", 6), 0);
	ck_assert_uint_eq(strlen(a), 6 + 44);	/* 32 bytes in base64 */
	ck_assert_int_eq(hook_sign(a, "msg_x", 2, "{}", 2, sig), 0);
}
END_TEST

static int
allowed(const char *text)
{
	struct sockaddr_storage	 ss;
	struct sockaddr_in	*v4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6	*v6 = (struct sockaddr_in6 *)&ss;
	char			 why[64];

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, text, &v4->sin_addr) == 1)
		v4->sin_family = AF_INET;
	else {
		ck_assert_int_eq(inet_pton(AF_INET6, text, &v6->sin6_addr), 1);
		v6->sin6_family = AF_INET6;
	}
	return hook_address_allowed((struct sockaddr *)&ss, why, sizeof(why));
}

START_TEST(test_destinations)
{
	static const char *const refused[] = {
		"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254",
		"192.168.0.1", "169.254.169.254", "127.0.0.1", "127.8.9.10", "0.0.0.0",
		"100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1",
		"fd12:3456::1", "fe80::1", "febf::1", "ff02::1", "::ffff:10.0.0.1",
		"::ffff:127.0.0.1", "64:ff9b::a00:1",
	};
	static const char *const public[] = {
		"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "11.0.0.1",
		"169.255.0.1", "2a00:1450:4007:80e::200e", "::ffff:8.8.8.8",
	};
	size_t i;

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		ck_assert_msg(!allowed(refused[i]), "%s allowed", refused[i]);
	for (i = 0; i < sizeof(public) / sizeof(public[0]); i++)
		ck_assert_msg(allowed(public[i]), "%s refused", public[i]);
}
END_TEST

/* The configuration's allow list opens a range, and only it. */
START_TEST(test_allow_list)
{
	setenv("REQDESK_WEBHOOK_ALLOW", "127.0.0.0/8, ::1,10.20.0.0/16", 1);
	ck_assert_int_eq(config_load(NULL), 0);
	ck_assert_int_eq(config.hook_nranges, 3);
	ck_assert(allowed("127.0.0.1"));
	ck_assert(allowed("::1"));
	ck_assert(allowed("10.20.3.4"));
	ck_assert(!allowed("10.21.3.4"));
	ck_assert(!allowed("192.168.1.1"));
	setenv("REQDESK_WEBHOOK_ALLOW", "10.0.0.0/33", 1);
	ck_assert_int_eq(config_load(NULL), -1);
	setenv("REQDESK_WEBHOOK_ALLOW", "not-an-address", 1);
	ck_assert_int_eq(config_load(NULL), -1);
	unsetenv("REQDESK_WEBHOOK_ALLOW");
	ck_assert_int_eq(config_load(NULL), 0);
	ck_assert_int_eq(config.hook_nranges, 0);
	ck_assert(!allowed("127.0.0.1"));
	config_free();
}
END_TEST

START_TEST(test_events)
{
	ck_assert_str_eq(hook_event_name(HOOK_REQUEST_STATUS_CHANGED), "request.status_changed");
	ck_assert_int_eq(hook_event_find("account.cancelled"), HOOK_ACCOUNT_CANCELLED);
	ck_assert_int_eq(hook_event_find("request.assigned"), HOOK_REQUEST_ASSIGNED);
	ck_assert_int_eq(hook_event_find(HOOK_PING_EVENT), -1);
	ck_assert_int_eq(hook_event_find(NULL), -1);
	ck_assert_ptr_null(hook_event_name(HOOK__MAX));
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("webhook");
	TCase	*tc = tcase_create("core");
	SRunner	*sr;
	int	 failed;

	if (sodium_init() < 0)
		return 1;
	unsetenv("REQDESK_CONFIG");
	unsetenv("REQDESK_WEBHOOK_ALLOW");
	if (config_load(NULL) < 0)
		return 1;
	tcase_add_test(tc, test_signature_vector);
	tcase_add_test(tc, test_secrets);
	tcase_add_test(tc, test_destinations);
	tcase_add_test(tc, test_allow_list);
	tcase_add_test(tc, test_events);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
