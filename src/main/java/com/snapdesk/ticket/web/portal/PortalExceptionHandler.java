package com.snapdesk.ticket.web.portal;

import com.snapdesk.ticket.UnknownTicketException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The portal's answers when it cannot go on: not found, an expired form, too many attempts. */
@ControllerAdvice(assignableTypes = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalExceptionHandler {

  private final PortalController portal;

  PortalExceptionHandler(PortalController portal) {
    this.portal = portal;
  }

  /** A missing ticket and a wrong token look exactly the same. */
  @ExceptionHandler(UnknownTicketException.class)
  ModelAndView notFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return new ModelAndView("web/not-found");
  }

  /**
   * A POST without this session's form token: forged, or the session expired while the customer was typing.
   * The request form comes back with what was typed (nothing is sent); other forms explain what to do.
   */
  @ExceptionHandler(PortalCsrf.FormExpiredException.class)
  ModelAndView expired(HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.equals("/")) return new ModelAndView("web/expired");
    PortalForm form = new PortalForm();
    ServletRequestDataBinder binder = new ServletRequestDataBinder(form, "form");
    binder.bind(request);
    var model = new ExtendedModelMap();
    model.addAttribute("form", form);
    model.addAttribute("csrfToken", PortalCsrf.token(request));
    model.addAttribute("errors", FieldErrors.none());
    model.addAttribute("expired", true);
    return new ModelAndView(portal.formPage(model), model);
  }

  @ExceptionHandler(PortalRateLimiter.TooManyRequestsException.class)
  ModelAndView tooMany(PortalRateLimiter.TooManyRequestsException e, HttpServletResponse response) {
    response.setStatus(429);
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    var mav = new ModelAndView("web/too-many-requests");
    mav.addObject("what", e.action() == PortalRateLimiter.Action.SUBMISSION ? "requests" : "answers");
    mav.addObject("limit", e.limit());
    mav.addObject("windowMinutes", Math.max(1, e.window().toMinutes()));
    mav.addObject("waitMinutes", Math.max(1, (seconds + 59) / 60));
    return mav;
  }
}
