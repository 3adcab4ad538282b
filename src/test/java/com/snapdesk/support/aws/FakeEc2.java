package com.snapdesk.support.aws;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small EC2 behind WireMock, speaking the EC2 Query protocol (form-encoded POST, XML answers): snapshots with tags,
 * tiers and states, an instance, and volumes that go through EC2's states one described step at a time (creating,
 * available, attaching, in-use, detaching, deleting). Errors come as EC2 sends them ({@code <Response><Errors>}),
 * including injected ones. Every call's parameters are recorded so tests can assert exactly what the SDK sent.
 * Calls that would delete or change a backup snapshot are answered with an error and recorded as forbidden.
 */
public final class FakeEc2 implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "fake-ec2";
  public static final List<String> FORBIDDEN = List.of("DeleteSnapshot", "ModifySnapshotAttribute",
      "ModifySnapshotTier", "ResetSnapshotAttribute", "LockSnapshot");
  private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  public record Snapshot(String id, Instant startTime, Map<String, String> tags, String state, String tier,
                         String tieringStatus, Instant tieringStart) {}

  public static final class Volume {
    public final String id;
    public final String snapshotId;
    public final String zone;
    public final Map<String, String> tags;
    public String state = "creating";
    public String instanceId;
    public String device;
    public String attachment; // attaching, attached, detaching or null

    Volume(String id, String snapshotId, String zone, Map<String, String> tags) {
      this.id = id;
      this.snapshotId = snapshotId;
      this.zone = zone;
      this.tags = tags;
    }
  }

  private record Fault(String action, int status, String code) {}

  private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
  private final Map<String, Volume> volumes = new LinkedHashMap<>();
  private final Map<String, String> volumesByToken = new HashMap<>();
  private final Map<String, String> instances = new HashMap<>(); // id -> zone
  private final Map<String, List<String>> instanceDevices = new HashMap<>();
  private final List<Map<String, String>> calls = new ArrayList<>();
  private final List<String> forbidden = new ArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<String, Integer> restoringPolls = new HashMap<>();
  private final Map<String, Integer> hiddenFromNextDescribes = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private int hiddenDescribesAfterCreate;
  private int pageSize = 1000;
  private int restorePolls = 1;

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  // --- the world ---------------------------------------------------------------------------------

  public synchronized FakeEc2 snapshot(String id, Instant startTime, Map<String, String> tags) {
    return snapshot(id, startTime, tags, "completed", "standard");
  }

  public synchronized FakeEc2 snapshot(String id, Instant startTime, Map<String, String> tags, String state, String tier) {
    snapshots.put(id, new Snapshot(id, startTime, Map.copyOf(tags), state, tier, null, null));
    return this;
  }

  public synchronized void removeSnapshot(String id) {
    snapshots.remove(id);
  }

  public synchronized FakeEc2 instance(String id, String zone, String... usedDevices) {
    instances.put(id, zone);
    instanceDevices.put(id, List.of(usedDevices));
    return this;
  }

  /** DescribeSnapshots answers at most this many per page, so listings paginate. */
  public synchronized FakeEc2 pageSize(int pageSize) {
    this.pageSize = pageSize;
    return this;
  }

  /** Archived snapshots come back this many DescribeSnapshots calls after RestoreSnapshotTier. */
  public synchronized FakeEc2 restorePolls(int polls) {
    this.restorePolls = polls;
    return this;
  }

  /** The next DescribeVolumes calls do not list volumes created since (EC2's eventual consistency). */
  public synchronized FakeEc2 hideNewVolumesFor(int describes) {
    this.hiddenDescribesAfterCreate = describes;
    return this;
  }

  /** The next call of the action fails with this HTTP status and EC2 error code. */
  public synchronized FakeEc2 failNext(String action, int status, String code) {
    faults.add(new Fault(action, status, code));
    return this;
  }

  public synchronized void reset() {
    snapshots.clear();
    volumes.clear();
    volumesByToken.clear();
    instances.clear();
    instanceDevices.clear();
    calls.clear();
    forbidden.clear();
    faults.clear();
    restoringPolls.clear();
    hiddenFromNextDescribes.clear();
    hiddenDescribesAfterCreate = 0;
    pageSize = 1000;
    restorePolls = 1;
  }

  // --- what happened -------------------------------------------------------------------------------

  public synchronized List<Map<String, String>> calls(String action) {
    return calls.stream().filter(c -> action.equals(c.get("Action"))).map(Map::copyOf).toList();
  }

  public synchronized List<String> actions() {
    return calls.stream().map(c -> c.get("Action")).toList();
  }

  public synchronized List<String> forbiddenCalls() {
    return List.copyOf(forbidden);
  }

  /** The volumes that exist and are not being deleted. */
  public synchronized List<Volume> volumes() {
    return volumes.values().stream().filter(v -> !"deleting".equals(v.state)).toList();
  }

  public synchronized Snapshot snapshotById(String id) {
    return snapshots.get(id);
  }

  // --- protocol --------------------------------------------------------------------------------------

  @Override
  public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
    Map<String, String> p = form(serveEvent.getRequest().getBodyAsString());
    calls.add(p);
    String action = p.getOrDefault("Action", "");
    if (FORBIDDEN.contains(action)) {
      forbidden.add(action + " " + p);
      return error(403, "UnauthorizedOperation", "Snapdesk must never " + action);
    }
    Fault fault = faults.stream().filter(f -> f.action.equals(action)).findFirst().orElse(null);
    if (fault != null) {
      faults.remove(fault);
      return error(fault.status, fault.code, "Injected " + fault.code);
    }
    return switch (action) {
      case "DescribeSnapshots" -> describeSnapshots(p);
      case "DescribeSnapshotTierStatus" -> describeTierStatus(p);
      case "RestoreSnapshotTier" -> restoreTier(p);
      case "DescribeInstances" -> describeInstances(p);
      case "CreateVolume" -> createVolume(p);
      case "DescribeVolumes" -> describeVolumes(p);
      case "AttachVolume" -> attachVolume(p);
      case "DetachVolume" -> detachVolume(p);
      case "DeleteVolume" -> deleteVolume(p);
      case "CreateTags" -> createTags(p);
      default -> error(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
    };
  }

  private ResponseDefinition describeSnapshots(Map<String, String> p) {
    List<String> ids = list(p, "SnapshotId");
    for (String id : ids) {
      if (!snapshots.containsKey(id)) return error(400, "InvalidSnapshot.NotFound", "The snapshot '" + id + "' does not exist.");
    }
    // archived snapshots being restored come back after a few looks
    restoringPolls.replaceAll((id, left) -> left - 1);
    restoringPolls.entrySet().removeIf(e -> {
      if (e.getValue() > 0) return false;
      Snapshot s = snapshots.get(e.getKey());
      snapshots.put(s.id(), new Snapshot(s.id(), s.startTime(), s.tags(), s.state(), "standard",
          "temporary-restore-completed", s.tieringStart()));
      return true;
    });
    Predicate<Snapshot> match = s -> (ids.isEmpty() || ids.contains(s.id())) && filters(p).test(s.tags());
    List<Snapshot> all = snapshots.values().stream().filter(match).toList();
    int start = p.containsKey("NextToken") ? Integer.parseInt(p.get("NextToken").substring("page-".length())) : 0;
    int size = Math.min(pageSize, p.containsKey("MaxResults") ? Integer.parseInt(p.get("MaxResults")) : 1000);
    List<Snapshot> page = all.subList(Math.min(start, all.size()), Math.min(start + size, all.size()));
    StringBuilder xml = new StringBuilder("<snapshotSet>");
    for (Snapshot s : page) {
      xml.append("<item><snapshotId>").append(s.id()).append("</snapshotId><volumeId>vol-source")
          .append("</volumeId><status>").append(s.state()).append("</status><startTime>")
          .append(TIME.format(s.startTime())).append("</startTime><progress>100%</progress>")
          .append("<ownerId>111122223333</ownerId><volumeSize>50</volumeSize><description>automatic backup</description>")
          .append("<encrypted>true</encrypted><storageTier>").append(s.tier()).append("</storageTier>")
          .append(tagSet(s.tags())).append("</item>");
    }
    xml.append("</snapshotSet>");
    if (start + size < all.size()) xml.append("<nextToken>page-").append(start + size).append("</nextToken>");
    return ok("DescribeSnapshotsResponse", xml.toString());
  }

  private ResponseDefinition describeTierStatus(Map<String, String> p) {
    List<String> ids = filterValues(p, "snapshot-id");
    StringBuilder xml = new StringBuilder("<snapshotTierStatusSet>");
    for (Snapshot s : snapshots.values()) {
      if (!ids.isEmpty() && !ids.contains(s.id())) continue;
      xml.append("<item><snapshotId>").append(s.id()).append("</snapshotId><status>").append(s.state())
          .append("</status><storageTier>").append(s.tier()).append("</storageTier>");
      if (s.tieringStatus() != null)
        xml.append("<lastTieringOperationStatus>").append(s.tieringStatus()).append("</lastTieringOperationStatus>");
      if (s.tieringStart() != null)
        xml.append("<lastTieringStartTime>").append(TIME.format(s.tieringStart())).append("</lastTieringStartTime>");
      xml.append("</item>");
    }
    return ok("DescribeSnapshotTierStatusResponse", xml.append("</snapshotTierStatusSet>").toString());
  }

  private ResponseDefinition restoreTier(Map<String, String> p) {
    Snapshot s = snapshots.get(p.get("SnapshotId"));
    if (s == null) return error(400, "InvalidSnapshot.NotFound", "The snapshot '" + p.get("SnapshotId") + "' does not exist.");
    if (!"archive".equals(s.tier())) return error(400, "IncorrectState", "Snapshot is not archived");
    snapshots.put(s.id(), new Snapshot(s.id(), s.startTime(), s.tags(), s.state(), s.tier(),
        "temporary-restore-in-progress", Instant.now()));
    restoringPolls.put(s.id(), restorePolls);
    return ok("RestoreSnapshotTierResponse", "<snapshotId>" + s.id() + "</snapshotId><restoreStartTime>"
        + TIME.format(Instant.now()) + "</restoreStartTime><restoreDuration>" + p.get("TemporaryRestoreDays")
        + "</restoreDuration><isPermanentRestore>false</isPermanentRestore>");
  }

  private ResponseDefinition describeInstances(Map<String, String> p) {
    StringBuilder xml = new StringBuilder("<reservationSet>");
    for (String id : list(p, "InstanceId")) {
      if (!instances.containsKey(id))
        return error(400, "InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
      xml.append("<item><reservationId>r-0123</reservationId><ownerId>111122223333</ownerId><instancesSet><item>")
          .append("<instanceId>").append(id).append("</instanceId><instanceState><code>16</code><name>running</name>")
          .append("</instanceState><placement><availabilityZone>").append(instances.get(id))
          .append("</availabilityZone></placement><rootDeviceName>/dev/xvda</rootDeviceName><blockDeviceMapping>");
      for (String device : instanceDevices.get(id)) {
        xml.append("<item><deviceName>").append(device).append("</deviceName><ebs><volumeId>vol-node")
            .append(device.replaceAll("\\W", "")).append("</volumeId><status>attached</status></ebs></item>");
      }
      // attached volumes appear in the instance's block device mapping, as on EC2
      for (Volume v : volumes.values()) {
        if (id.equals(v.instanceId) && v.attachment != null)
          xml.append("<item><deviceName>").append(v.device).append("</deviceName><ebs><volumeId>").append(v.id)
              .append("</volumeId><status>").append(v.attachment).append("</status></ebs></item>");
      }
      xml.append("</blockDeviceMapping></item></instancesSet></item>");
    }
    return ok("DescribeInstancesResponse", xml.append("</reservationSet>").toString());
  }

  private ResponseDefinition createVolume(Map<String, String> p) {
    String token = p.get("ClientToken");
    Volume v = token == null ? null : volumes.get(volumesByToken.get(token));
    if (v == null) {
      String snapshotId = p.get("SnapshotId");
      if (!snapshots.containsKey(snapshotId))
        return error(400, "InvalidSnapshot.NotFound", "The snapshot '" + snapshotId + "' does not exist.");
      if ("archive".equals(snapshots.get(snapshotId).tier()))
        return error(400, "IncorrectState", "The snapshot '" + snapshotId + "' is archived.");
      Map<String, String> tags = new TreeMap<>();
      for (int i = 1; p.containsKey("TagSpecification.1.Tag." + i + ".Key"); i++)
        tags.put(p.get("TagSpecification.1.Tag." + i + ".Key"), p.get("TagSpecification.1.Tag." + i + ".Value"));
      v = new Volume(String.format("vol-%017x", 0xfeed0000L + ids.incrementAndGet()), snapshotId,
          p.get("AvailabilityZone"), tags);
      volumes.put(v.id, v);
      if (token != null) volumesByToken.put(token, v.id);
      hiddenFromNextDescribes.put(v.id, hiddenDescribesAfterCreate);
    }
    return ok("CreateVolumeResponse", volumeFields(v));
  }

  private ResponseDefinition describeVolumes(Map<String, String> p) {
    List<String> ids = list(p, "VolumeId");
    for (String id : ids) {
      if (!volumes.containsKey(id)) return error(400, "InvalidVolume.NotFound", "The volume '" + id + "' does not exist.");
    }
    StringBuilder xml = new StringBuilder("<volumeSet>");
    for (Volume v : List.copyOf(volumes.values())) {
      if (!ids.isEmpty() && !ids.contains(v.id)) continue;
      if (!filters(p).test(v.tags)) continue;
      int hidden = hiddenFromNextDescribes.getOrDefault(v.id, 0);
      if (hidden > 0) {
        hiddenFromNextDescribes.put(v.id, hidden - 1);
        continue;
      }
      xml.append("<item>").append(volumeFields(v)).append("</item>");
      advance(v);
    }
    return ok("DescribeVolumesResponse", xml.append("</volumeSet>").toString());
  }

  /** After being seen in one state a volume moves on, as EC2's do within seconds. */
  private void advance(Volume v) {
    switch (v.state) {
      case "creating" -> v.state = "available";
      case "deleting" -> volumes.remove(v.id);
      default -> { }
    }
    if ("attaching".equals(v.attachment)) v.attachment = "attached";
    else if ("detaching".equals(v.attachment)) {
      v.attachment = null;
      v.instanceId = null;
      v.device = null;
      v.state = "available";
    }
  }

  private ResponseDefinition attachVolume(Map<String, String> p) {
    Volume v = volumes.get(p.get("VolumeId"));
    if (v == null) return error(400, "InvalidVolume.NotFound", "The volume '" + p.get("VolumeId") + "' does not exist.");
    if (!"available".equals(v.state)) return error(400, "IncorrectState", "vol is " + v.state);
    if (!instances.containsKey(p.get("InstanceId")))
      return error(400, "InvalidInstanceID.NotFound", "The instance ID '" + p.get("InstanceId") + "' does not exist");
    if (!instances.get(p.get("InstanceId")).equals(v.zone))
      return error(400, "InvalidVolume.ZoneMismatch", "The volume is not in the same availability zone as the instance");
    boolean taken = instanceDevices.get(p.get("InstanceId")).contains(p.get("Device"))
        || volumes.values().stream().anyMatch(o -> p.get("Device").equals(o.device) && p.get("InstanceId").equals(o.instanceId));
    if (taken) return error(400, "InvalidParameterValue", "Attachment point " + p.get("Device") + " is already in use");
    v.state = "in-use";
    v.instanceId = p.get("InstanceId");
    v.device = p.get("Device");
    v.attachment = "attaching";
    return ok("AttachVolumeResponse", attachmentFields(v));
  }

  private ResponseDefinition detachVolume(Map<String, String> p) {
    Volume v = volumes.get(p.get("VolumeId"));
    if (v == null) return error(400, "InvalidVolume.NotFound", "The volume '" + p.get("VolumeId") + "' does not exist.");
    if (v.attachment == null) return error(400, "IncorrectState", "Volume '" + v.id + "' is in the 'available' state.");
    v.attachment = "detaching";
    return ok("DetachVolumeResponse", attachmentFields(v));
  }

  private ResponseDefinition deleteVolume(Map<String, String> p) {
    Volume v = volumes.get(p.get("VolumeId"));
    if (v == null) return error(400, "InvalidVolume.NotFound", "The volume '" + p.get("VolumeId") + "' does not exist.");
    if (!"available".equals(v.state) && !"error".equals(v.state))
      return error(400, "VolumeInUse", "Volume " + v.id + " is currently attached to " + v.instanceId);
    v.state = "deleting";
    return ok("DeleteVolumeResponse", "<return>true</return>");
  }

  private ResponseDefinition createTags(Map<String, String> p) {
    for (String id : list(p, "ResourceId")) {
      Volume v = volumes.get(id);
      if (v == null) return error(400, "InvalidVolume.NotFound", "The volume '" + id + "' does not exist.");
      for (int i = 1; p.containsKey("Tag." + i + ".Key"); i++) v.tags.put(p.get("Tag." + i + ".Key"), p.get("Tag." + i + ".Value"));
    }
    return ok("CreateTagsResponse", "<return>true</return>");
  }

  // --- XML -------------------------------------------------------------------------------------------

  private static String volumeFields(Volume v) {
    StringBuilder xml = new StringBuilder("<volumeId>").append(v.id).append("</volumeId><size>50</size><snapshotId>")
        .append(v.snapshotId).append("</snapshotId><availabilityZone>").append(v.zone)
        .append("</availabilityZone><status>").append(v.state).append("</status><createTime>2026-11-26T12:00:00.000Z")
        .append("</createTime><volumeType>gp3</volumeType><encrypted>true</encrypted><attachmentSet>");
    if (v.attachment != null) xml.append("<item>").append(attachmentFields(v)).append("</item>");
    return xml.append("</attachmentSet>").append(tagSet(v.tags)).toString();
  }

  private static String attachmentFields(Volume v) {
    return "<volumeId>" + v.id + "</volumeId><instanceId>" + v.instanceId + "</instanceId><device>" + v.device
        + "</device><status>" + v.attachment + "</status><attachTime>2026-11-26T12:00:00.000Z</attachTime>"
        + "<deleteOnTermination>false</deleteOnTermination>";
  }

  private static String tagSet(Map<String, String> tags) {
    StringBuilder xml = new StringBuilder("<tagSet>");
    tags.forEach((k, val) -> xml.append("<item><key>").append(esc(k)).append("</key><value>").append(esc(val))
        .append("</value></item>"));
    return xml.append("</tagSet>").toString();
  }

  private static ResponseDefinition ok(String root, String body) {
    return new ResponseDefinitionBuilder()
        .withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"" + NS + "\"><requestId>"
            + UUID.randomUUID() + "</requestId>" + body + "</" + root + ">")
        .build();
  }

  static ResponseDefinition error(int status, String code, String message) {
    return new ResponseDefinitionBuilder()
        .withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
            + "</Code><Message>" + esc(message) + "</Message></Error></Errors><RequestID>" + UUID.randomUUID()
            + "</RequestID></Response>")
        .build();
  }

  // --- parameters ------------------------------------------------------------------------------------

  static Map<String, String> form(String body) {
    Map<String, String> params = new TreeMap<>();
    if (body == null || body.isEmpty()) return params;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }

  private static List<String> list(Map<String, String> p, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 1; p.containsKey(name + "." + i); i++) values.add(p.get(name + "." + i));
    return values;
  }

  private static List<String> filterValues(Map<String, String> p, String filterName) {
    for (int i = 1; p.containsKey("Filter." + i + ".Name"); i++) {
      if (filterName.equals(p.get("Filter." + i + ".Name"))) return list(p, "Filter." + i + ".Value");
    }
    return List.of();
  }

  /** tag:KEY and tag-key filters, as EC2 applies them to the tags of snapshots and volumes. */
  private static Predicate<Map<String, String>> filters(Map<String, String> p) {
    Predicate<Map<String, String>> all = tags -> true;
    for (int i = 1; p.containsKey("Filter." + i + ".Name"); i++) {
      String name = p.get("Filter." + i + ".Name");
      List<String> values = list(p, "Filter." + i + ".Value");
      if (name.startsWith("tag:")) {
        String key = name.substring(4);
        all = all.and(tags -> values.contains(tags.get(key)));
      } else if (name.equals("tag-key")) {
        all = all.and(tags -> values.stream().anyMatch(tags::containsKey));
      }
    }
    return all;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
