package com.snapdesk.ticket.web.portal;

import com.snapdesk.ticket.UnknownTicketException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A portal POST without this session's CSRF token — forged, or sent after the session expired while the customer was
 * typing. Spring Security refuses it (nothing is done) and forwards here (security.SecurityChains), status 403. The
 * request form comes back with what was typed and a fresh token; other forms explain what to do.
 */
@Controller
class ExpiredFormController {

  private final PortalController portal;

  ExpiredFormController(PortalController portal) {
    this.portal = portal;
  }

  @RequestMapping("/form-expired")
  ModelAndView expired(HttpServletRequest request, HttpServletResponse response, Model model) {
    // opened directly, rather than forwarded by Spring Security's refusal: there is nothing here
    if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) == null) throw new UnknownTicketException("form-expired");
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    String original = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    if (!(request.getContextPath() + "/").equals(original)) return new ModelAndView("web/expired");
    PortalForm form = new PortalForm();
    new ServletRequestDataBinder(form, "form").bind(request);
    model.addAttribute("form", form);
    model.addAttribute("csrfToken", PortalController.csrfToken(request));
    model.addAttribute("errors", FieldErrors.none());
    model.addAttribute("expired", true);
    return new ModelAndView(portal.formPage(model), model.asMap());
  }
}
