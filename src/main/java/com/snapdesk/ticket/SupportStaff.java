package com.snapdesk.ticket;

import java.util.List;

/** Port: the support leads who receive escalations (kept in the workflow engine's identity service). */
public interface SupportStaff {

  List<Lead> leads();

  record Lead(String userId, String email) {}
}
