// JetWay's airport picker: a button that opens a listbox (the ARIA "button + listbox" pattern, not a combobox).
// Mouse: click the button, click an option. Keyboard: Enter/Space/ArrowDown opens; ArrowUp/ArrowDown, Home/End
// and typing letters move the active option; Enter/Space chooses; Escape or Tab closes without choosing.
(function (root) {
  "use strict";

  function createDropdown(container, items, onChange) {
    const button = container.querySelector("button");
    const list = container.querySelector("[role=listbox]");
    const valueText = button.querySelector(".dropdown-value");
    const placeholder = valueText.textContent;
    let selected = null;
    let active = -1;
    let typed = "";
    let typedTimer = 0;

    const options = items.map((item, i) => {
      const li = document.createElement("li");
      li.id = `${list.id}-${item.code.toLowerCase()}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.index = String(i);
      li.textContent = item.label;
      list.append(li);
      return li;
    });

    function setActive(index) {
      if (active >= 0) options[active].classList.remove("active");
      active = Math.max(0, Math.min(options.length - 1, index));
      options[active].classList.add("active");
      list.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function open() {
      if (!list.hidden) return;
      list.hidden = false;
      button.setAttribute("aria-expanded", "true");
      container.classList.add("open");
      setActive(selected === null ? 0 : items.indexOf(selected));
      list.focus();
    }

    function close(focusButton) {
      if (list.hidden) return;
      list.hidden = true;
      button.setAttribute("aria-expanded", "false");
      container.classList.remove("open");
      list.removeAttribute("aria-activedescendant");
      if (focusButton) button.focus();
    }

    function choose(index) {
      const item = items[index];
      const changed = item !== selected;
      setValue(item);
      close(true);
      if (changed) onChange(item);
    }

    function setValue(item) {
      selected = item || null;
      options.forEach((o, i) => o.setAttribute("aria-selected", String(items[i] === selected)));
      valueText.textContent = selected ? selected.label : placeholder;
      valueText.classList.toggle("placeholder", !selected);
    }

    button.addEventListener("click", () => (list.hidden ? open() : close(true)));
    button.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        open();
      }
    });
    list.addEventListener("click", (e) => {
      const li = e.target.closest("[role=option]");
      if (li) choose(Number(li.dataset.index));
    });
    list.addEventListener("mousemove", (e) => {
      const li = e.target.closest("[role=option]");
      if (li && Number(li.dataset.index) !== active) setActive(Number(li.dataset.index));
    });
    list.addEventListener("keydown", (e) => {
      switch (e.key) {
        case "ArrowDown": setActive(active + 1); break;
        case "ArrowUp": setActive(active - 1); break;
        case "Home": setActive(0); break;
        case "End": setActive(options.length - 1); break;
        case "PageDown": setActive(active + 8); break;
        case "PageUp": setActive(active - 8); break;
        case "Enter": case " ": choose(active); break;
        case "Escape": close(true); break;
        case "Tab": close(false); return;
        default:
          if (e.key.length === 1 && /\S/.test(e.key)) {
            typed += e.key.toLowerCase();
            clearTimeout(typedTimer);
            typedTimer = setTimeout(() => (typed = ""), 600);
            const hit = items.findIndex((it) => it.label.toLowerCase().startsWith(typed));
            if (hit >= 0) setActive(hit);
            break;
          }
          return;
      }
      e.preventDefault();
    });
    list.addEventListener("focusout", (e) => {
      if (!container.contains(e.relatedTarget)) close(false);
    });
    document.addEventListener("mousedown", (e) => {
      if (!container.contains(e.target)) close(false);
    });

    return {
      get value() { return selected; },
      setValue,
      button
    };
  }

  root.JetWayDropdown = { createDropdown };
})(globalThis);
