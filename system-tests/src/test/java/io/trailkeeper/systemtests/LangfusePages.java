package io.trailkeeper.systemtests;

/**
 * Three pages as Langfuse's v2 observations API returns them (every field group requested), in
 * the shape its published description gives: 8 observations, of which the fifth has a start time
 * no clock wrote. The trace names carry a run id, so that the events of one run can be told apart
 * on a server other tests also write to.
 */
final class LangfusePages {

    static final String CURSOR_2 = "eyJsYXN0SWQiOiI5ZjFjMmE0MC0wMDAzIn0=";
    static final String CURSOR_3 = "eyJsYXN0SWQiOiI5ZjFjMmE0MC0wMDA2In0=";
    static final int OBSERVATIONS = 8;
    static final int VALID = 7;

    private static final String PAGE_1 = """
            {"data":[
             {"id":"RUN-0001","traceId":"b7e6c1d2a9f04e1c","projectId":"cm3trailproj","type":"AGENT","startTime":"2026-11-20T09:15:01.900Z","endTime":"2026-11-20T09:15:40.311Z","parentObservationId":null,"name":"travel-planner","level":"DEFAULT","statusMessage":null,"version":"2.4.1","environment":"production","bookmarked":false,"public":false,"userId":"traveller-5521","sessionId":"sess-8812","completionStartTime":null,"input":"{\\"request\\":\\"Two nights in Lisbon\\"}","output":"{\\"status\\":\\"partially booked\\"}","metadata":{},"model":null,"usageDetails":{},"inputUsage":0,"outputUsage":0,"totalUsage":0,"costDetails":{},"latency":38.411,"tags":["travel"],"release":"2026.11.2","traceName":"travel-desk-RUN"},
             {"id":"RUN-0002","traceId":"b7e6c1d2a9f04e1c","projectId":"cm3trailproj","type":"GENERATION","startTime":"2026-11-20T09:15:02.118Z","endTime":"2026-11-20T09:15:03.968Z","parentObservationId":"RUN-0001","name":"plan-itinerary","level":"DEFAULT","statusMessage":null,"version":"2.4.1","environment":"production","userId":"traveller-5521","sessionId":"sess-8812","completionStartTime":"2026-11-20T09:15:02.640Z","input":"[{\\"role\\":\\"user\\",\\"content\\":\\"Two nights in Lisbon, mail me at jane.doe@example.com\\"}]","output":"{\\"role\\":\\"assistant\\",\\"content\\":\\"Here is a plan.\\"}","metadata":{"ls_provider":"openai"},"model":"gpt-4o-2024-08-06","modelParameters":{"temperature":0.2},"usageDetails":{"input":1210,"input_cached_tokens":256,"output":342,"total":1808},"inputUsage":1466,"outputUsage":342,"totalUsage":1808,"costDetails":{"input":0.003025,"output":0.00342,"total":0.006445},"promptName":"itinerary-planner","promptVersion":7,"latency":1.85,"timeToFirstToken":0.522,"tags":["travel"],"release":"2026.11.2","traceName":"travel-desk-RUN"},
             {"id":"RUN-0003","traceId":"b7e6c1d2a9f04e1c","projectId":"cm3trailproj","type":"TOOL","startTime":"2026-11-20T09:15:04.000Z","endTime":"2026-11-20T09:15:05.250Z","parentObservationId":"RUN-0001","name":"search_hotels","level":"DEFAULT","statusMessage":null,"version":"2.4.1","environment":"production","userId":"traveller-5521","sessionId":"sess-8812","input":"{\\"city\\":\\"Lisbon\\",\\"nights\\":2}","output":"[{\\"hotel\\":\\"Casa Azul\\"}]","metadata":{},"usageDetails":{},"release":"2026.11.2","traceName":"travel-desk-RUN"}
            ],"meta":{"cursor":"eyJsYXN0SWQiOiI5ZjFjMmE0MC0wMDAzIn0="}}
            """;

    private static final String PAGE_2 = """
            {"data":[
             {"id":"RUN-0004","traceId":"b7e6c1d2a9f04e1c","projectId":"cm3trailproj","type":"TOOL","startTime":"2026-11-20T09:15:06.000Z","endTime":"2026-11-20T09:15:36.000Z","parentObservationId":"RUN-0001","name":"book_hotel","level":"ERROR","statusMessage":"TimeoutError: booking service did not answer within 30s","version":"2.4.1","environment":"production","userId":"traveller-5521","sessionId":"sess-8812","input":"{\\"hotel\\":\\"Casa Azul\\",\\"nights\\":2}","output":null,"metadata":{},"usageDetails":{},"release":"2026.11.2","traceName":"travel-desk-RUN"},
             {"id":"RUN-0005","traceId":"b7e6c1d2a9f04e1c","projectId":"cm3trailproj","type":"EVENT","startTime":"yesterday at noon","endTime":null,"parentObservationId":"RUN-0001","name":"retry-scheduled","level":"WARNING","statusMessage":"booking will be retried","environment":"production","userId":"traveller-5521","sessionId":"sess-8812","traceName":"travel-desk-RUN"},
             {"id":"RUN-0006","traceId":"c0ffee00d15ea5e1","projectId":"cm3trailproj","type":"SPAN","startTime":"2026-11-20T10:02:11.500Z","endTime":"2026-11-20T10:02:11.742Z","parentObservationId":null,"name":"route-request","level":"DEBUG","statusMessage":null,"version":null,"environment":"production","userId":null,"sessionId":null,"input":"What is your refund policy?","output":"billing","metadata":{"router":"v3"},"usageDetails":{},"release":null,"traceName":"support-desk-RUN"}
            ],"meta":{"cursor":"eyJsYXN0SWQiOiI5ZjFjMmE0MC0wMDA2In0="}}
            """;

    private static final String PAGE_3 = """
            {"data":[
             {"id":"RUN-0007","traceId":"c0ffee00d15ea5e1","projectId":"cm3trailproj","type":"GENERATION","startTime":"2026-11-20T10:02:11.800Z","endTime":"2026-11-20T10:02:12.950Z","parentObservationId":"RUN-0006","name":"answer-policy","level":"DEFAULT","statusMessage":null,"version":null,"environment":"production","userId":"customer-7731","sessionId":"chat-4410","input":"[{\\"role\\":\\"user\\",\\"content\\":\\"What is your refund policy?\\"}]","output":"{\\"role\\":\\"assistant\\",\\"content\\":\\"Refunds within 30 days.\\"}","metadata":{},"providedModelName":"claude-sonnet-4","usageDetails":{"input":88,"output":21,"total":109},"release":null,"traceName":"support-desk-RUN"},
             {"id":"RUN-0008","traceId":"c0ffee00d15ea5e1","projectId":"cm3trailproj","type":"GUARDRAIL","startTime":"2026-11-20T10:02:13.000Z","endTime":"2026-11-20T10:02:13.020Z","parentObservationId":"RUN-0006","name":"pii-filter","level":"DEFAULT","statusMessage":null,"environment":"production","userId":"customer-7731","sessionId":"chat-4410","input":null,"output":"{\\"passed\\":true}","metadata":{},"usageDetails":{},"traceName":"support-desk-RUN"}
            ],"meta":{}}
            """;

    private LangfusePages() {
    }

    /** @param page 1 to 3 */
    static String page(int page, String run) {
        String text = switch (page) {
            case 1 -> PAGE_1;
            case 2 -> PAGE_2;
            case 3 -> PAGE_3;
            default -> throw new IllegalArgumentException("there are 3 pages");
        };
        return text.replace("RUN", run);
    }
}
